/*
 * Runs one benchmark gate list on libquantum (Debian's libquantum-dev), for `npm run bench`.
 * bench/libquantum.ts compiles this file at bench time (cc -O2 -fopenmp … -lquantum -lm) when it is
 * installed, and writes the gate list on stdin, one gate a line: `<name> <qubit>… [<angle>]`,
 * e.g. `h 3`, `cx 0 1`, `rz 2 0.25`. Prints {"ms": …} (the gates only, not parsing; with
 * `--repeat=R` the fastest of R runs, each on a new register), or with `--probs` also the 2^n
 * basis-state probabilities (for the agreement check).
 * Usage: libquantum-driver <n> [--probs | --repeat=R] < gates.txt
 * libquantum keeps qubit k as bit k of the basis index (as the engine does), stores only
 * non-zero basis states, and computes in single precision.
 */
#include <quantum.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PI 3.14159265358979323846

struct gate {
  char name[8];
  int a, b;
  double angle;
};

static double run(const struct gate *gates, size_t count, quantum_reg *reg);

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s <n> [--probs] < gates.txt\n", argv[0]);
    return 2;
  }
  int n = atoi(argv[1]);
  int probs = argc > 2 && strcmp(argv[2], "--probs") == 0;
  int repeat = argc > 2 && strncmp(argv[2], "--repeat=", 9) == 0 ? atoi(argv[2] + 9) : 1;
  if (repeat < 1 || repeat > 99) repeat = 1;
  size_t cap = 1024, count = 0;
  struct gate *gates = malloc(cap * sizeof *gates);
  char line[256];
  while (fgets(line, sizeof line, stdin)) {
    struct gate g = {"", -1, -1, 0};
    char rest[3][64] = {"", "", ""};
    int k = sscanf(line, "%7s %63s %63s %63s", g.name, rest[0], rest[1], rest[2]);
    if (k < 2) continue;
    g.a = atoi(rest[0]);
    int two = strcmp(g.name, "cx") == 0 || strcmp(g.name, "cz") == 0 ||
              strcmp(g.name, "cp") == 0 || strcmp(g.name, "swap") == 0;
    if (two) g.b = atoi(rest[1]);
    const char *angle = two ? rest[2] : rest[1];
    if (*angle) g.angle = strtod(angle, NULL);
    if (count == cap) gates = realloc(gates, (cap *= 2) * sizeof *gates);
    gates[count++] = g;
  }

  double times[99];
  quantum_reg reg;
  for (int r = 0; r < repeat; r++) {
    if (r > 0) quantum_delete_qureg(&reg);
    reg = quantum_new_qureg(0, n);
    times[r] = run(gates, count, &reg);
  }
  /* The fastest run: on a shared machine short runs are only ever slowed down. */
  double ms = times[0];
  for (int r = 1; r < repeat; r++)
    if (times[r] < ms) ms = times[r];
  if (!probs) {
    printf("{\"ms\": %.6f}\n", ms);
    return 0;
  }
  size_t dim = (size_t)1 << n;
  double *p = calloc(dim, sizeof *p);
  for (int i = 0; i < reg.size; i++) p[reg.state[i]] += quantum_prob(reg.amplitude[i]);
  printf("{\"ms\": %.6f, \"probs\": [", ms);
  for (size_t i = 0; i < dim; i++) printf(i ? ",%.9g" : "%.9g", p[i]);
  printf("]}\n");
  return 0;
}

/* Applies the gates to `reg`; returns the wall time in ms. */
static double run(const struct gate *gates, size_t count, quantum_reg *r) {
  quantum_reg reg = *r;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (size_t i = 0; i < count; i++) {
    const struct gate *g = &gates[i];
    if (!strcmp(g->name, "h")) quantum_hadamard(g->a, &reg);
    else if (!strcmp(g->name, "x")) quantum_sigma_x(g->a, &reg);
    else if (!strcmp(g->name, "t")) quantum_phase_kick(g->a, PI / 4, &reg);
    else if (!strcmp(g->name, "rx")) quantum_r_x(g->a, g->angle, &reg);
    else if (!strcmp(g->name, "ry")) quantum_r_y(g->a, g->angle, &reg);
    else if (!strcmp(g->name, "rz")) quantum_r_z(g->a, g->angle, &reg);
    else if (!strcmp(g->name, "cx")) quantum_cnot(g->a, g->b, &reg);
    else if (!strcmp(g->name, "cz")) quantum_cond_phase_kick(g->a, g->b, PI, &reg);
    else if (!strcmp(g->name, "cp")) quantum_cond_phase_kick(g->a, g->b, g->angle, &reg);
    else if (!strcmp(g->name, "swap")) {
      quantum_cnot(g->a, g->b, &reg);
      quantum_cnot(g->b, g->a, &reg);
      quantum_cnot(g->a, g->b, &reg);
    } else {
      fprintf(stderr, "libquantum driver: no mapping for gate %s\n", g->name);
      exit(1);
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  *r = reg;
  return (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
}
