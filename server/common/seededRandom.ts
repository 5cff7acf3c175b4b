// The one seeded random generator of the server, its tests and benchmarks: mulberry32, small and fast, so
// samples, Louvain orders, test data and benchmark scenes and pairs are the same on every run (so changing
// it changes what every benchmark measures). The client keeps its own copy (client/graph/random.ts): it
// imports nothing from the server.

/** mulberry32: numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
