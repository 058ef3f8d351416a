import { expect } from 'chai';
import { documentedDefaults, readSource } from './documentedDefaults.js';

/**
 * Asserts that the options TSDoc in `sourcePath` gives, for every option `table` holds, `@defaultValue`
 * as a link to the table (`{@link TABLE}\`.option\``) instead of a quoted value.
 *
 * @param tableName - The table's exported name, as the TSDoc links it.
 * @param table - The table itself: its keys are the options checked.
 * @param sourcePath - The source holding the options' TSDoc, from the repository's root.
 */
export function expectDefaultsLinked(tableName: string, table: object, sourcePath: string): void {
  const documented = documentedDefaults(readSource(sourcePath));
  for (const option of Object.keys(table)) {
    expect(documented.get(option), option).to.match(new RegExp(`^\\{@link ${tableName}\\}\`\\.${option}\``));
  }
}
