import { expect } from 'chai';
import fc from 'fast-check';
import { HealthCheck, type CheckDefinition } from 'pulsecheck';
import { DependencyGraph } from '#lib/core/DependencyGraph.js';

/** A definition for check `name`, depending on `dependsOn` when given. */
function definitionOf(name: string, dependsOn?: readonly string[]): CheckDefinition {
  const definition = { target: HealthCheck, name, critical: true, timeoutMs: undefined, tags: Object.freeze([]), description: undefined, cacheTtlMs: undefined };
  return Object.freeze(dependsOn === undefined ? definition : { ...definition, dependsOn });
}

/** The graph of checks given as `[name, dependsOn]` pairs, in registration order. */
function graphOf(...checks: readonly (readonly [name: string, dependsOn?: readonly string[]])[]): DependencyGraph {
  return new DependencyGraph(checks.map(([name, dependsOn]) => definitionOf(name, dependsOn)));
}

describe('DependencyGraph', () => {
  describe('when no check names a dependency', () => {
    it('has no order, so that a run needs none', () => {
      expect(graphOf(['A'], ['B']).order).to.equal(undefined);
      expect(graphOf(['A', []], ['B', []]).order).to.equal(undefined);
      expect(graphOf().order).to.equal(undefined);
    });

    it('gives every check no dependencies', () => {
      expect(graphOf(['A'], ['B']).dependenciesOf(1)).to.deep.equal([]);
    });
  });

  describe('when checks name dependencies', () => {
    it('orders each check after the checks it depends on, once each, registration order otherwise', () => {
      const graph = graphOf(['D', ['B', 'C']], ['B', ['A']], ['C', ['A']], ['A'], ['E']);
      expect(graph.order).to.deep.equal([3, 1, 2, 0, 4]);
    });

    it('keeps registration order among checks that are already in order', () => {
      expect(graphOf(['A'], ['B', ['A']], ['C']).order).to.deep.equal([0, 1, 2]);
    });

    it('gives each check\'s dependencies by index, in dependsOn order, and none for an index that is not a check', () => {
      const graph = graphOf(['Orders', ['Postgres', 'Redis']], ['Redis'], ['Postgres']);
      expect(graph.dependenciesOf(0)).to.deep.equal([2, 1]);
      expect(graph.dependenciesOf(1)).to.deep.equal([]);
      expect(graph.dependenciesOf(3)).to.deep.equal([]);
    });

    it('orders any acyclic graph so that every check comes after its dependencies, each exactly once', () => {
      const graphs = fc.integer({ min: 1, max: 8 }).chain((size) =>
        // check i may depend on any check registered after it, so there is no cycle
        fc.tuple(...Array.from({ length: size }, (_, i) => fc.subarray(Array.from({ length: size - i - 1 }, (_, k) => i + k + 1)))),
      );
      fc.assert(
        fc.property(graphs, (dependencies) => {
          const graph = new DependencyGraph(dependencies.map((indexes, i) => definitionOf(`C${String(i)}`, indexes.map((index) => `C${String(index)}`))));
          dependencies.forEach((indexes, i) => expect(graph.dependenciesOf(i)).to.deep.equal(indexes));
          if (dependencies.every((indexes) => indexes.length === 0)) return graph.order === undefined;
          const order = graph.order ?? [];
          expect([...order].sort((a, b) => a - b)).to.deep.equal(dependencies.map((_, i) => i));
          return dependencies.every((indexes, i) => indexes.every((index) => order.indexOf(index) < order.indexOf(i)));
        }),
      );
    });
  });

  describe('when a dependency is not a check of the service', () => {
    it('throws, naming the check, the unknown name and the other checks', () => {
      expect(() => graphOf(['Orders', ['Postgress']], ['Postgres'], ['Redis'])).to.throw(
        Error,
        "HealthService: check 'Orders' depends on 'Postgress', which is not a check of this service (known: 'Postgres', 'Redis')",
      );
    });

    it('says there is no other check when there is none', () => {
      expect(() => graphOf(['Orders', ['Postgres']])).to.throw(Error, "HealthService: check 'Orders' depends on 'Postgres', which is not a check of this service (known: (none))");
    });
  });

  describe('when checks depend on each other in a cycle', () => {
    const advice = 'remove one of these dependsOn entries';

    it('throws for a check that depends on itself', () => {
      expect(() => graphOf(['Selfish', ['Selfish']])).to.throw(Error, `HealthService: the checks depend on each other in a cycle: 'Selfish' -> 'Selfish'; ${advice}`);
    });

    it('throws with the cycle\'s path, from the first check of it that is reached', () => {
      expect(() => graphOf(['A', ['C']], ['B', ['A']], ['C', ['B']])).to.throw(Error, `HealthService: the checks depend on each other in a cycle: 'A' -> 'C' -> 'B' -> 'A'; ${advice}`);
    });

    it('leaves out of the path the checks that only lead into the cycle', () => {
      expect(() => graphOf(['Entry', ['A']], ['A', ['B']], ['B', ['A']])).to.throw(Error, `HealthService: the checks depend on each other in a cycle: 'A' -> 'B' -> 'A'; ${advice}`);
    });
  });
});
