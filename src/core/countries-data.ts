/**
 * Country code tables, kept as compact text so the whole file stays readable and diffable.
 * Parsed once by `countries.ts`; nothing here is exported for direct use by other layers.
 *
 * Sources: ISO 3166-1 (alpha-3, alpha-2, numeric and English short names); Gleditsch & Ward's list of
 * independent states (UCDP `country_id`, `gwno*`); FIPS PUB 10-4 as used by GDELT (`*Geo_CountryCode`);
 * the GTD codebook's own country codes. Codes of dissolved states point at their main successor because
 * a map can only draw today's countries — importers that have coordinates should prefer `locate()`.
 */

/**
 * One ISO 3166-1 entry per line: `ISO3 ISO2 NUMERIC Name|alias|alias…`.
 * NUMERIC is `-` where ISO assigns none (Kosovo's user-assigned XK/XKX, used by the World Bank, ACLED and NE).
 * Aliases are English variants and historical names that a user or a dataset writes; matching ignores case,
 * accents and punctuation, so list each spelling once.
 */
export const isoTable = `
AFG AF 004 Afghanistan|Islamic Republic of Afghanistan|Islamic Emirate of Afghanistan
ALA AX 248 Åland Islands|Aland
ALB AL 008 Albania
DZA DZ 012 Algeria
ASM AS 016 American Samoa
AND AD 020 Andorra
AGO AO 024 Angola
AIA AI 660 Anguilla
ATA AQ 010 Antarctica
ATG AG 028 Antigua and Barbuda|Antigua
ARG AR 032 Argentina
ARM AM 051 Armenia
ABW AW 533 Aruba
AUS AU 036 Australia
AUT AT 040 Austria
AZE AZ 031 Azerbaijan
BHS BS 044 Bahamas|The Bahamas|Bahamas, The
BHR BH 048 Bahrain
BGD BD 050 Bangladesh|East Pakistan
BRB BB 052 Barbados
BLR BY 112 Belarus|Byelorussia|Belorussia
BEL BE 056 Belgium
BLZ BZ 084 Belize|British Honduras
BEN BJ 204 Benin|Dahomey
BMU BM 060 Bermuda
BTN BT 064 Bhutan
BOL BO 068 Bolivia|Plurinational State of Bolivia|Bolivia, Plurinational State of
BES BQ 535 Caribbean Netherlands|Bonaire, Sint Eustatius and Saba|Bonaire
BIH BA 070 Bosnia and Herzegovina|Bosnia-Herzegovina|Bosnia|Bosnia Herzegovina
BWA BW 072 Botswana|Bechuanaland
BVT BV 074 Bouvet Island
BRA BR 076 Brazil|Brasil
IOT IO 086 British Indian Ocean Territory|Chagos Islands
BRN BN 096 Brunei|Brunei Darussalam
BGR BG 100 Bulgaria
BFA BF 854 Burkina Faso|Upper Volta|Burkina
BDI BI 108 Burundi
CPV CV 132 Cabo Verde|Cape Verde
KHM KH 116 Cambodia|Kampuchea|Khmer Republic|Democratic Kampuchea
CMR CM 120 Cameroon
CAN CA 124 Canada
CYM KY 136 Cayman Islands
CAF CF 140 Central African Republic|CAR|Central African Empire
TCD TD 148 Chad
CHL CL 152 Chile
CHN CN 156 China|People's Republic of China|PRC|Mainland China
CXR CX 162 Christmas Island
CCK CC 166 Cocos (Keeling) Islands|Cocos Islands|Keeling Islands
COL CO 170 Colombia
COM KM 174 Comoros
COG CG 178 Republic of the Congo|Congo|Congo-Brazzaville|Congo Brazzaville|Republic of Congo|Congo, Republic of|Congo, Rep.|People's Republic of the Congo
COD CD 180 Democratic Republic of the Congo|DR Congo|DRC|Congo-Kinshasa|Congo Kinshasa|Democratic Republic of Congo|Congo, Democratic Republic of the|Congo, Dem. Rep.|Zaire|Congo (Zaire)|DR Congo (Zaire)
COK CK 184 Cook Islands
CRI CR 188 Costa Rica
CIV CI 384 Côte d'Ivoire|Ivory Coast|Cote dIvoire
HRV HR 191 Croatia
CUB CU 192 Cuba
CUW CW 531 Curaçao
CYP CY 196 Cyprus|Northern Cyprus|Turkish Republic of Northern Cyprus
CZE CZ 203 Czechia|Czech Republic|Czechoslovakia
DNK DK 208 Denmark
DJI DJ 262 Djibouti|French Somaliland|Afars and Issas
DMA DM 212 Dominica
DOM DO 214 Dominican Republic
ECU EC 218 Ecuador
EGY EG 818 Egypt|United Arab Republic
SLV SV 222 El Salvador|Salvador
GNQ GQ 226 Equatorial Guinea
ERI ER 232 Eritrea
EST EE 233 Estonia
SWZ SZ 748 Eswatini|Swaziland|Kingdom of eSwatini|Kingdom of Eswatini (Swaziland)
ETH ET 231 Ethiopia|Abyssinia
FLK FK 238 Falkland Islands|Falklands|Malvinas|Falkland Islands (Malvinas)
FRO FO 234 Faroe Islands|Faeroe Islands|Faroes
FJI FJ 242 Fiji
FIN FI 246 Finland
FRA FR 250 France|Corsica
GUF GF 254 French Guiana
PYF PF 258 French Polynesia|Tahiti
ATF TF 260 French Southern Territories|French Southern and Antarctic Lands
GAB GA 266 Gabon
GMB GM 270 Gambia|The Gambia|Gambia, The
GEO GE 268 Georgia|Abkhazia|South Ossetia
DEU DE 276 Germany|West Germany|East Germany|Federal Republic of Germany|German Democratic Republic|FRG|GDR|West Germany (FRG)|East Germany (GDR)
GHA GH 288 Ghana|Gold Coast
GIB GI 292 Gibraltar
GRC GR 300 Greece|Hellas
GRL GL 304 Greenland
GRD GD 308 Grenada
GLP GP 312 Guadeloupe
GUM GU 316 Guam
GTM GT 320 Guatemala
GGY GG 831 Guernsey|Bailiwick of Guernsey
GIN GN 324 Guinea|Guinea-Conakry
GNB GW 624 Guinea-Bissau|Portuguese Guinea
GUY GY 328 Guyana|British Guiana
HTI HT 332 Haiti
HMD HM 334 Heard Island and McDonald Islands
VAT VA 336 Holy See|Vatican City|Vatican|Vatican City State
HND HN 340 Honduras
HKG HK 344 Hong Kong
HUN HU 348 Hungary
ISL IS 352 Iceland
IND IN 356 India
IDN ID 360 Indonesia
IRN IR 364 Iran|Islamic Republic of Iran|Iran, Islamic Republic of|Persia
IRQ IQ 368 Iraq
IRL IE 372 Ireland|Republic of Ireland|Eire
IMN IM 833 Isle of Man|Man, Isle of
ISR IL 376 Israel
ITA IT 380 Italy|Italia
JAM JM 388 Jamaica
JPN JP 392 Japan
JEY JE 832 Jersey|Bailiwick of Jersey
JOR JO 400 Jordan
KAZ KZ 398 Kazakhstan|Kazakstan
KEN KE 404 Kenya
KIR KI 296 Kiribati
PRK KP 408 North Korea|Democratic People's Republic of Korea|DPRK|Korea, North|Korea, Democratic People's Republic of|Korea DPR|N. Korea
KOR KR 410 South Korea|Republic of Korea|Korea, South|Korea, Republic of|Korea|S. Korea
XKX XK - Kosovo
KWT KW 414 Kuwait
KGZ KG 417 Kyrgyzstan|Kyrgyz Republic|Kirghizia
LAO LA 418 Laos|Lao People's Democratic Republic|Lao PDR
LVA LV 428 Latvia
LBN LB 422 Lebanon
LSO LS 426 Lesotho|Basutoland
LBR LR 430 Liberia
LBY LY 434 Libya|Libyan Arab Jamahiriya
LIE LI 438 Liechtenstein
LTU LT 440 Lithuania
LUX LU 442 Luxembourg
MAC MO 446 Macao|Macau
MDG MG 450 Madagascar|Malagasy Republic
MWI MW 454 Malawi|Nyasaland
MYS MY 458 Malaysia
MDV MV 462 Maldives
MLI ML 466 Mali
MLT MT 470 Malta
MHL MH 584 Marshall Islands
MTQ MQ 474 Martinique
MRT MR 478 Mauritania
MUS MU 480 Mauritius
MYT YT 175 Mayotte
MEX MX 484 Mexico
FSM FM 583 Micronesia|Federated States of Micronesia|Micronesia, Federated States of
MDA MD 498 Moldova|Republic of Moldova|Moldova, Republic of|Moldavia|Transnistria
MCO MC 492 Monaco
MNG MN 496 Mongolia
MNE ME 499 Montenegro
MSR MS 500 Montserrat
MAR MA 504 Morocco
MOZ MZ 508 Mozambique
MMR MM 104 Myanmar|Burma|Myanmar (Burma)
NAM NA 516 Namibia|South West Africa
NRU NR 520 Nauru
NPL NP 524 Nepal
NLD NL 528 Netherlands|The Netherlands|Holland
NCL NC 540 New Caledonia
NZL NZ 554 New Zealand
NIC NI 558 Nicaragua
NER NE 562 Niger
NGA NG 566 Nigeria
NIU NU 570 Niue
NFK NF 574 Norfolk Island
MKD MK 807 North Macedonia|Macedonia|Republic of North Macedonia|Macedonia, FYR|FYR Macedonia|Former Yugoslav Republic of Macedonia|Macedonia, the former Yugoslav Republic of
MNP MP 580 Northern Mariana Islands
NOR NO 578 Norway
OMN OM 512 Oman
PAK PK 586 Pakistan
PLW PW 585 Palau
PSE PS 275 Palestine|State of Palestine|Palestinian Territories|Palestinian Territory|Occupied Palestinian Territory|West Bank|Gaza|Gaza Strip|West Bank and Gaza|West Bank and Gaza Strip|Palestine, State of
PAN PA 591 Panama
PNG PG 598 Papua New Guinea
PRY PY 600 Paraguay
PER PE 604 Peru
PHL PH 608 Philippines|The Philippines|Filipinas
PCN PN 612 Pitcairn|Pitcairn Islands
POL PL 616 Poland
PRT PT 620 Portugal
PRI PR 630 Puerto Rico
QAT QA 634 Qatar
REU RE 638 Réunion
ROU RO 642 Romania|Rumania
RUS RU 643 Russia|Russian Federation|Soviet Union|USSR|U.S.S.R.|Union of Soviet Socialist Republics|Russia (Soviet Union)|Chechnya
RWA RW 646 Rwanda
BLM BL 652 Saint Barthélemy|St. Barthelemy|Saint-Barthelemy|St Barts
SHN SH 654 Saint Helena, Ascension and Tristan da Cunha|Saint Helena|St. Helena
KNA KN 659 Saint Kitts and Nevis|St. Kitts and Nevis|St Kitts and Nevis
LCA LC 662 Saint Lucia|St. Lucia|St Lucia
MAF MF 663 Saint Martin|Saint-Martin|St. Martin|Saint Martin (French part)
SPM PM 666 Saint Pierre and Miquelon|St. Pierre and Miquelon
VCT VC 670 Saint Vincent and the Grenadines|St. Vincent and the Grenadines|St Vincent and the Grenadines|Saint Vincent
WSM WS 882 Samoa|Western Samoa
SMR SM 674 San Marino
STP ST 678 Sao Tome and Principe|São Tomé and Príncipe
SAU SA 682 Saudi Arabia
SEN SN 686 Senegal
SRB RS 688 Serbia|Yugoslavia|Serbia and Montenegro|Serbia-Montenegro|Federal Republic of Yugoslavia|Serbia (Yugoslavia)
SYC SC 690 Seychelles
SLE SL 694 Sierra Leone
SGP SG 702 Singapore
SXM SX 534 Sint Maarten|Sint Maarten (Dutch part)
SVK SK 703 Slovakia|Slovak Republic
SVN SI 705 Slovenia
SLB SB 090 Solomon Islands
SOM SO 706 Somalia|Somaliland|Puntland
ZAF ZA 710 South Africa
SGS GS 239 South Georgia and the South Sandwich Islands|South Georgia
SSD SS 728 South Sudan|Republic of South Sudan|Southern Sudan
ESP ES 724 Spain
LKA LK 144 Sri Lanka|Ceylon
SDN SD 729 Sudan
SUR SR 740 Suriname|Surinam|Dutch Guiana
SJM SJ 744 Svalbard and Jan Mayen|Svalbard
SWE SE 752 Sweden
CHE CH 756 Switzerland
SYR SY 760 Syria|Syrian Arab Republic
TWN TW 158 Taiwan|Republic of China|Taiwan, Province of China|Chinese Taipei
TJK TJ 762 Tajikistan|Tadjikistan
TZA TZ 834 Tanzania|United Republic of Tanzania|Tanzania, United Republic of|Tanganyika|Zanzibar
THA TH 764 Thailand|Siam
TLS TL 626 Timor-Leste|East Timor|Timor Leste
TGO TG 768 Togo|Togoland
TKL TK 772 Tokelau
TON TO 776 Tonga
TTO TT 780 Trinidad and Tobago|Trinidad
TUN TN 788 Tunisia
TUR TR 792 Türkiye|Turkey|Turkiye
TKM TM 795 Turkmenistan
TCA TC 796 Turks and Caicos Islands
TUV TV 798 Tuvalu
UGA UG 800 Uganda
UKR UA 804 Ukraine|Crimea
ARE AE 784 United Arab Emirates|UAE|U.A.E.
GBR GB 826 United Kingdom|UK|U.K.|Great Britain|Britain|England|Scotland|Wales|Northern Ireland|United Kingdom of Great Britain and Northern Ireland
USA US 840 United States|United States of America|USA|U.S.A.|US|U.S.|America
UMI UM 581 United States Minor Outlying Islands
URY UY 858 Uruguay
UZB UZ 860 Uzbekistan
VUT VU 548 Vanuatu|New Hebrides
VEN VE 862 Venezuela|Bolivarian Republic of Venezuela|Venezuela, Bolivarian Republic of
VNM VN 704 Vietnam|Viet Nam|South Vietnam|North Vietnam|Republic of Vietnam
VGB VG 092 British Virgin Islands|Virgin Islands, British
VIR VI 850 United States Virgin Islands|Virgin Islands of the United States|U.S. Virgin Islands|Virgin Islands, U.S.|US Virgin Islands
WLF WF 876 Wallis and Futuna
ESH EH 732 Western Sahara|Sahrawi Arab Democratic Republic|Spanish Sahara
YEM YE 887 Yemen|North Yemen|South Yemen|Yemen Arab Republic|People's Democratic Republic of Yemen|Yemen (North Yemen)|Yemen, Rep.
ZMB ZM 894 Zambia|Northern Rhodesia
ZWE ZW 716 Zimbabwe|Rhodesia|Southern Rhodesia
`;

/**
 * Gleditsch–Ward state numbers → ISO3, as `gw:ISO3` pairs. Includes G-W's microstates (numbers ≥ 935, 54–60,
 * 221, 223, 232, 331, 403, 591). Historical states map to their successor: 260 German Federal Republic and
 * 265 German Democratic Republic → DEU, 315 Czechoslovakia → CZE, 345 Yugoslavia/Serbia → SRB,
 * 678 Yemen Arab Republic/Yemen and 680 South Yemen → YEM, 817 Republic of Vietnam → VNM, 511 Zanzibar → TZA.
 * Pre-1900 German and Italian states are left out: no event in these datasets carries them.
 */
export const gleditschWardTable = `
2:USA 20:CAN 31:BHS 40:CUB 41:HTI 42:DOM 51:JAM 52:TTO 53:BRB 54:DMA 55:GRD 56:LCA 57:VCT 58:ATG 60:KNA
70:MEX 80:BLZ 90:GTM 91:HND 92:SLV 93:NIC 94:CRI 95:PAN 100:COL 101:VEN 110:GUY 115:SUR 130:ECU 135:PER
140:BRA 145:BOL 150:PRY 155:CHL 160:ARG 165:URY
200:GBR 205:IRL 210:NLD 211:BEL 212:LUX 220:FRA 221:MCO 223:LIE 225:CHE 230:ESP 232:AND 235:PRT
255:DEU 260:DEU 265:DEU 290:POL 305:AUT 310:HUN 315:CZE 316:CZE 317:SVK 325:ITA 331:SMR 338:MLT 339:ALB
341:MNE 343:MKD 344:HRV 345:SRB 346:BIH 347:XKX 349:SVN 350:GRC 352:CYP 355:BGR 359:MDA 360:ROU 365:RUS
366:EST 367:LVA 368:LTU 369:UKR 370:BLR 371:ARM 372:GEO 373:AZE 375:FIN 380:SWE 385:NOR 390:DNK 395:ISL
402:CPV 403:STP 404:GNB 411:GNQ 420:GMB 432:MLI 433:SEN 434:BEN 435:MRT 436:NER 437:CIV 438:GIN 439:BFA
450:LBR 451:SLE 452:GHA 461:TGO 471:CMR 475:NGA 481:GAB 482:CAF 483:TCD 484:COG 490:COD 500:UGA 501:KEN
510:TZA 511:TZA 516:BDI 517:RWA 520:SOM 522:DJI 530:ETH 531:ERI 540:AGO 541:MOZ 551:ZMB 552:ZWE 553:MWI
560:ZAF 565:NAM 570:LSO 571:BWA 572:SWZ 580:MDG 581:COM 590:MUS 591:SYC
600:MAR 615:DZA 616:TUN 620:LBY 625:SDN 626:SSD 630:IRN 640:TUR 645:IRQ 651:EGY 652:SYR 660:LBN 663:JOR
666:ISR 670:SAU 678:YEM 680:YEM 690:KWT 692:BHR 694:QAT 696:ARE 698:OMN
700:AFG 701:TKM 702:TJK 703:KGZ 704:UZB 705:KAZ 710:CHN 712:MNG 713:TWN 731:PRK 732:KOR 740:JPN 750:IND
760:BTN 770:PAK 771:BGD 775:MMR 780:LKA 781:MDV 790:NPL 800:THA 811:KHM 812:LAO 816:VNM 817:VNM 820:MYS
830:SGP 835:BRN 840:PHL 850:IDN 860:TLS 900:AUS 910:PNG 920:NZL 935:VUT 940:SLB 946:KIR 947:TUV 950:FJI
955:TON 970:NRU 983:MHL 986:PLW 987:FSM 990:WSM
`;

/**
 * FIPS 10-4 country codes (as GDELT writes them) → ISO3, as `FIPS:ISO3` pairs. Codes for places without an
 * ISO 3166-1 entry point at the territory ISO files them under: the US Pacific islands → UMI, the French
 * Indian Ocean islets → ATF, Ashmore/Coral Sea → AUS, Akrotiri/Dhekelia → CYP (where they are), Gaza and the
 * West Bank → PSE, Jan Mayen/Svalbard → SJM. YI (Yugoslavia) → SRB; NT (Netherlands Antilles) → CUW.
 * Both RB and RI are kept for Serbia: FIPS changed the code in 2008 and GDELT's older files still say RB.
 * Paracel (PF) and Spratly (PG) Islands are disputed and deliberately absent.
 */
export const fipsTable = `
AA:ABW AC:ATG AE:ARE AF:AFG AG:DZA AJ:AZE AL:ALB AM:ARM AN:AND AO:AGO AQ:ASM AR:ARG AS:AUS AT:AUS AU:AUT
AV:AIA AX:CYP AY:ATA BA:BHR BB:BRB BC:BWA BD:BMU BE:BEL BF:BHS BG:BGD BH:BLZ BK:BIH BL:BOL BM:MMR BN:BEN
BO:BLR BP:SLB BQ:UMI BR:BRA BS:ATF BT:BTN BU:BGR BV:BVT BX:BRN BY:BDI CA:CAN CB:KHM CD:TCD CE:LKA CF:COG
CG:COD CH:CHN CI:CHL CJ:CYM CK:CCK CM:CMR CN:COM CO:COL CQ:MNP CR:AUS CS:CRI CT:CAF CU:CUB CV:CPV CW:COK
CY:CYP DA:DNK DJ:DJI DO:DMA DQ:UMI DR:DOM DX:CYP EC:ECU EG:EGY EI:IRL EK:GNQ EN:EST ER:ERI ES:SLV ET:ETH
EU:ATF EZ:CZE FG:GUF FI:FIN FJ:FJI FK:FLK FM:FSM FO:FRO FP:PYF FQ:UMI FR:FRA FS:ATF GA:GMB GB:GAB GG:GEO
GH:GHA GI:GIB GJ:GRD GK:GGY GL:GRL GM:DEU GO:ATF GP:GLP GQ:GUM GR:GRC GT:GTM GV:GIN GY:GUY GZ:PSE HA:HTI
HK:HKG HM:HMD HO:HND HQ:UMI HR:HRV HU:HUN IC:ISL ID:IDN IM:IMN IN:IND IO:IOT IR:IRN IS:ISR IT:ITA IV:CIV
IZ:IRQ JA:JPN JE:JEY JM:JAM JN:SJM JO:JOR JQ:UMI JU:ATF KE:KEN KG:KGZ KN:PRK KQ:UMI KR:KIR KS:KOR KT:CXR
KU:KWT KV:XKX KZ:KAZ LA:LAO LE:LBN LG:LVA LH:LTU LI:LBR LO:SVK LQ:UMI LS:LIE LT:LSO LU:LUX LY:LBY MA:MDG
MB:MTQ MC:MAC MD:MDA MF:MYT MG:MNG MH:MSR MI:MWI MJ:MNE MK:MKD ML:MLI MN:MCO MO:MAR MP:MUS MQ:UMI MR:MRT
MT:MLT MU:OMN MV:MDV MX:MEX MY:MYS MZ:MOZ NC:NCL NE:NIU NF:NFK NG:NER NH:VUT NI:NGA NL:NLD NN:SXM NO:NOR
NP:NPL NR:NRU NS:SUR NT:CUW NU:NIC NZ:NZL OD:SSD PA:PRY PC:PCN PE:PER PK:PAK PL:POL PM:PAN PO:PRT PP:PNG
PS:PLW PU:GNB QA:QAT RB:SRB RE:REU RI:SRB RM:MHL RN:MAF RO:ROU RP:PHL RQ:PRI RS:RUS RW:RWA SA:SAU SB:SPM
SC:KNA SE:SYC SF:ZAF SG:SEN SH:SHN SI:SVN SL:SLE SM:SMR SN:SGP SO:SOM SP:ESP ST:LCA SU:SDN SV:SJM SW:SWE
SX:SGS SY:SYR SZ:CHE TB:BLM TD:TTO TE:ATF TH:THA TI:TJK TK:TCA TL:TKL TN:TON TO:TGO TP:STP TS:TUN TT:TLS
TU:TUR TV:TUV TW:TWN TX:TKM TZ:TZA UC:CUW UG:UGA UK:GBR UP:UKR US:USA UV:BFA UY:URY UZ:UZB VC:VCT VE:VEN
VI:VGB VM:VNM VQ:VIR VT:VAT WA:NAM WE:PSE WF:WLF WI:ESH WQ:UMI WS:WSM WZ:SWZ YI:SRB YM:YEM ZA:ZMB ZI:ZWE
`;

/**
 * GTD country codes → ISO3, as `code:ISO3` pairs. Only codes we could confirm are listed; for any other
 * code an importer should fall back to `iso3FromCountryName(country_txt)`, which knows GTD's spellings.
 * Historical entries: 229/604 Zaire → COD, 233 Northern Ireland → GBR, 235 Yugoslavia and 175 Serbia-Montenegro
 * → SRB, 236 Czechoslovakia → CZE, 238 Corsica → FRA, 359 Soviet Union → RUS, 362 West Germany and
 * 499 East Germany → DEU, 377 North Yemen and 406 South Yemen → YEM, 403 Rhodesia → ZWE, 428 South Vietnam → VNM,
 * 532 New Hebrides → VUT, 605 People's Republic of the Congo → COG, 349 Western Samoa → WSM, 347 East Timor → TLS.
 * 334 (Asian), 351 (Commonwealth of Independent States) and 422 (International) name no country and are absent.
 */
export const gtdTable = `
4:AFG 5:ALB 6:DZA 7:AND 8:AGO 10:ATG 11:ARG 12:ARM 14:AUS 15:AUT 16:AZE 17:BHS 18:BHR 19:BGD 20:BRB 21:BEL
22:BLZ 23:BEN 24:BMU 25:BTN 26:BOL 28:BIH 29:BWA 30:BRA 31:BRN 32:BGR 33:BFA 34:BDI 35:BLR 36:KHM 37:CMR
38:CAN 40:CYM 41:CAF 42:TCD 43:CHL 44:CHN 45:COL 46:COM 47:COG 49:CRI 50:HRV 51:CUB 53:CYP 54:CZE 55:DNK
56:DJI 57:DMA 58:DOM 59:ECU 60:EGY 61:SLV 62:GNQ 63:ERI 64:EST 65:ETH 66:FLK 67:FJI 68:FIN 69:FRA 70:GUF
71:PYF 72:GAB 73:GMB 74:GEO 75:DEU 76:GHA 77:GIB 78:GRC 79:GRL 80:GRD 81:GLP 83:GTM 84:GIN 85:GNB 86:GUY
87:HTI 88:HND 89:HKG 90:HUN 91:ISL 92:IND 93:IDN 94:IRN 95:IRQ 96:IRL 97:ISR 98:ITA 99:CIV 100:JAM 101:JPN
102:JOR 103:KAZ 104:KEN 106:KWT 107:KGZ 108:LAO 109:LVA 110:LBN 111:LSO 112:LBR 113:LBY 115:LTU 116:LUX
117:MAC 118:MKD 119:MDG 120:MWI 121:MYS 122:MDV 123:MLI 124:MLT 127:MTQ 128:MRT 129:MUS 130:MEX 132:MDA
136:MAR 137:MOZ 138:MMR 139:NAM 141:NPL 142:NLD 143:NCL 144:NZL 145:NIC 146:NER 147:NGA 149:PRK 151:NOR
152:OMN 153:PAK 155:PSE 156:PAN 157:PNG 158:PRY 159:PER 160:PHL 161:POL 162:PRT 163:PRI 164:QAT 166:ROU
167:RUS 168:RWA 173:SAU 174:SEN 175:SRB 176:SYC 177:SLE 178:SGP 179:SVK 180:SVN 181:SLB 182:SOM 183:ZAF
184:KOR 185:ESP 186:LKA 189:KNA 190:LCA 195:SDN 196:SUR 197:SWZ 198:SWE 199:CHE 200:SYR 201:TWN 202:TJK
203:TZA 207:TTO 208:TUN 209:TUR 210:TKM 213:UGA 214:UKR 215:ARE 217:USA 218:URY 219:UZB 220:VUT 221:VAT
222:VEN 223:VNM 225:WLF 226:ESH 228:YEM 229:COD 230:ZMB 231:ZWE 233:GBR 235:SRB 236:CZE 238:FRA 347:TLS
349:WSM 359:RUS 362:DEU 377:YEM 403:ZWE 406:YEM 428:VNM 499:DEU 532:VUT 603:GBR 604:COD 605:COG 1001:SRB
1002:MNE 1003:XKX 1004:SSD
`;
