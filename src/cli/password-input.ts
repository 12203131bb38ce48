/**
 * Reading a password on the command line without it ever appearing: from a terminal prompt with echo off, or
 * from standard input with `--password-stdin` (for scripts: `printf '%s\n' "$PW" | sitrep users add …`).
 * Never from an argument, which would land in the shell history and the process list.
 */
import { UserError } from '../core/errors.ts';

/** Reads the first line of standard input (the rest is ignored). */
export async function passwordFromStdin(stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  const line = text.split(/\r?\n/)[0] ?? '';
  if (!line) throw new UserError('no password on standard input', '--password-stdin', 'pipe the password in, followed by a newline');
  return line;
}

/** Prompts on the terminal (prompt on stderr) and reads one line with echo off. */
export function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    return Promise.reject(new UserError('no terminal to ask for the password on', '--password-stdin', 'run in a terminal, or pipe the password in with --password-stdin'));
  }
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new UserError('cancelled', 'password'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** A new password: from stdin with `fromStdin`, else prompted twice on the terminal (the two must match). */
export async function newPassword(name: string, fromStdin: boolean): Promise<string> {
  if (fromStdin) return passwordFromStdin();
  const first = await promptHidden(`New password for ${name}: `);
  const second = await promptHidden('Repeat it: ');
  if (first !== second) throw new UserError('the two passwords differ', 'password', 'run the command again');
  return first;
}
