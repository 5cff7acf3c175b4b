// A small seeded generator (mulberry32) for the server's samples and Louvain orders and for tests and
// benchmarks: the same seed gives the same numbers on every run (so changing it changes what every benchmark
// measures). The data generator has its own source with distributions (domain/generate/random.ts, over
// pure-rand); the client its own copy of this one (client/graph/random.ts): it imports nothing from the server.

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
