/**
 * Data every test database starts with. The library (seeded tracing bank) is
 * loaded here once, so tests read it without re-importing it per file.
 */
export async function prepareTemplateDatabase(_templateUrl: string): Promise<void> {
  // The questions module plugs the library import in here.
}
