import type { CheckDefinition } from './CheckDefinition.js';

/**
 * @internal The `dependsOn` relations of a service's checks, validated once
 * when the service is built: every name must be a check of the service, and
 * no check may depend on itself, directly or through others.
 *
 * `order` lists indexes so that each check comes after the checks it depends
 * on (registration order otherwise), which lets a run compute what each
 * dependency answers before its dependents ask.
 */
export class DependencyGraph {
  /** For each index, the indexes of its dependencies (in `dependsOn` order). */
  readonly #dependencies: readonly (readonly number[])[];
  /** Indexes in dependency order; `undefined` when no check depends on another. */
  readonly order: readonly number[] | undefined;

  /**
   * @param definitions - The checks, in registration order (names unique).
   * @throws Error naming the check and the unknown name, or the cycle path
   *   (`'a' -> 'b' -> 'a'`).
   */
  constructor(definitions: readonly CheckDefinition[]) {
    const indexOf = new Map<string, number>();
    definitions.forEach((definition, index) => indexOf.set(definition.name, index));
    let any = false;
    this.#dependencies = definitions.map((definition) => {
      const names = definition.dependsOn ?? [];
      if (names.length > 0) any = true;
      return names.map((name) => {
        const index = indexOf.get(name);
        if (index === undefined) {
          const known = [...indexOf.keys()].filter((known) => known !== definition.name);
          throw new Error(
            `HealthService: check '${definition.name}' depends on '${name}', which is not a check of this service (known: ${known.map((k) => `'${k}'`).join(', ') || '(none)'})`,
          );
        }
        return index;
      });
    });
    this.order = any ? this.#topologicalOrder(definitions) : undefined;
  }

  /** The indexes of the checks the check at `index` depends on. */
  dependenciesOf(index: number): readonly number[] {
    return this.#dependencies[index] ?? [];
  }

  /** Depth-first, in registration order; throws on the first cycle found, with its path. */
  #topologicalOrder(definitions: readonly CheckDefinition[]): number[] {
    const order: number[] = [];
    const state = new Uint8Array(definitions.length); // 0 unvisited, 1 on the path, 2 done
    const path: number[] = [];
    const visit = (index: number): void => {
      if (state[index] === 2) return;
      if (state[index] === 1) {
        const cycle = [...path.slice(path.indexOf(index)), index].map((at) => `'${(definitions[at] as CheckDefinition).name}'`);
        throw new Error(`HealthService: the checks depend on each other in a cycle: ${cycle.join(' -> ')}; remove one of these dependsOn entries`);
      }
      state[index] = 1;
      path.push(index);
      for (const dependency of this.dependenciesOf(index)) visit(dependency);
      path.pop();
      state[index] = 2;
      order.push(index);
    };
    for (let index = 0; index < definitions.length; index += 1) visit(index);
    return order;
  }
}
