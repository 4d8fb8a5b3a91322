/**
 * The grammY conversations-plugin comparison, written by another module
 * (./conversations-plugin.ts). Imported by a computed path, so the bench still
 * runs, and type-checks, while that module is not built yet.
 */

export interface PluginResult {
  turns: number;
  seconds: number;
}

type PluginBench = (options: { residents: number; dir: string }) => Promise<PluginResult>;

/** null when the plugin bench is not built yet. */
export async function loadPluginBench(): Promise<PluginBench | null> {
  const path = './conversations-plugin.ts';
  try {
    const module = (await import(path)) as { runConversationsPluginBench?: PluginBench };
    return module.runConversationsPluginBench ?? null;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const missing = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
    // Only the plugin module itself missing means "not built"; anything else is its bug.
    if (missing && String((error as Error).message).includes('conversations-plugin')) return null;
    throw error;
  }
}
