// Search index stage (Pagefind). Filled in by the search work; a no-op keeps the build order explicit.
export async function buildSearchIndex(_dist: string, log: (m: string) => void): Promise<void> {
  log('tìm kiếm: chưa bật');
}
