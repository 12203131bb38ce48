/**
 * User administration for admins: `GET /api/users`, `POST /api/users`, `PATCH /api/users/{name}` (role,
 * disabled, password) and `GET /api/audit`. Every change is written to the audit log with the admin's name.
 * The same operations exist on the command line (`sitrep users …`), which needs no running server.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { roles } from '../../core/roles.ts';
import type { AppEnv, RouteDeps } from '../context.ts';
import { ApiError } from '../errors.ts';
import { ErrorSchema, errorResponses, intParam } from '../schemas.ts';
import { requireRight } from '../auth/authenticate.ts';
import { UserSchema } from './auth.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });
const ok = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const adminErrors = { 401: ok(ErrorSchema, 'Not signed in'), 403: ok(ErrorSchema, 'Not an admin'), 404: ok(ErrorSchema, 'No such user'), ...errorResponses } as const;
const role = z.enum(roles, { error: `one of ${roles.join(', ')}` });

const listRoute = createRoute({ method: 'get', path: '/users', tags: ['users'], summary: 'Every user (admins only)', responses: { 200: ok(z.object({ users: z.array(UserSchema) }), 'Users by name'), ...adminErrors } });
const addRoute = createRoute({
  method: 'post', path: '/users', tags: ['users'], summary: 'Add a user (admins only)',
  request: { body: json(z.object({ name: z.string().min(1).max(64), role, password: z.string().max(1000) })) },
  responses: { 201: ok(z.object({ user: UserSchema }), 'The new user'), ...adminErrors },
});
const changeRoute = createRoute({
  method: 'patch', path: '/users/{name}', tags: ['users'], summary: "Change a user's role, disable or enable them, or set a new password (admins only)",
  request: { params: z.object({ name: z.string().min(1).max(64) }), body: json(z.object({ role: role.optional(), disabled: z.boolean().optional(), password: z.string().max(1000).optional() })) },
  responses: { 200: ok(z.object({ user: UserSchema }), 'The user as changed'), ...adminErrors },
});
const auditRoute = createRoute({
  method: 'get', path: '/audit', tags: ['users'], summary: 'The audit log: failed sign-ins and administrative actions, newest first (admins only)',
  request: { query: z.object({ limit: intParam('entries', 1, 10_000, 200) }) },
  responses: {
    200: ok(z.object({ entries: z.array(z.object({ at: z.string(), actor: z.string().nullable(), action: z.string(), target: z.string().nullable(), address: z.string().nullable(), detail: z.string().nullable() })) }), 'Entries'),
    ...adminErrors,
  },
});

/** Registers the admin routes. */
export function userRoutes({ accounts, options }: RouteDeps) {
  const api = new OpenAPIHono<AppEnv>();
  const service = () => {
    if (!accounts) throw new ApiError(400, 'unsupported', 'this server has no accounts');
    return accounts;
  };

  api.openapi(listRoute, async (c) => {
    requireRight(c, 'manage_users', false);
    return c.json({ users: await service().listUsers() }, 200);
  });

  api.openapi(addRoute, async (c) => {
    const admin = requireRight(c, 'manage_users');
    const { name, role: r, password } = c.req.valid('json');
    const user = await service().addUser(name, r, password, { actor: admin.name, address: options.clientAddress(c) });
    return c.json({ user }, 201);
  });

  api.openapi(changeRoute, async (c) => {
    const admin = requireRight(c, 'manage_users');
    const { name } = c.req.valid('param');
    const body = c.req.valid('json');
    const who = { actor: admin.name, address: options.clientAddress(c) };
    const s = service();
    if (!(await s.listUsers()).some((u) => u.name === name.toLowerCase())) throw new ApiError(404, 'not_found', `no user ${JSON.stringify(name)}`, 'name');
    if (body.password !== undefined) await s.resetPassword(name, body.password, who);
    if (body.role !== undefined) await s.setRole(name, body.role, who);
    if (body.disabled !== undefined) await s.setDisabled(name, body.disabled, who);
    const user = (await s.listUsers()).find((u) => u.name === name.toLowerCase())!;
    return c.json({ user }, 200);
  });

  api.openapi(auditRoute, async (c) => {
    requireRight(c, 'read_audit', false);
    return c.json({ entries: await service().auditLog(c.req.valid('query').limit) }, 200);
  });

  return api;
}
