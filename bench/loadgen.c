/*
 * loadgen: the fixed, single-threaded epoll load generator of bench/ (method:
 * docs/performance.md and bench/bench.py's docstring). One process drives every server.
 *
 *   loadgen ADDR pp N SIZE WARM DUR   N connections, each a SIZE-byte ping-pong; WARM s of
 *                                     warm-up, then DUR s measured: messages/s (aggregate)
 *   loadgen ADDR sink BYTES CHUNK     one connection; BYTES in CHUNK-byte blocking writes, then
 *                                     shutdown(WR); the server replies with its byte count as
 *                                     an 8-byte little-endian integer, which is verified: MB/s
 *   loadgen ADDR echo BYTES CHUNK     as sink, but the echo is read back concurrently and its
 *                                     byte count verified: one-way MB/s
 *   loadgen ADDR churn TOTAL CONC     TOTAL connections, CONC in flight: non-blocking connect,
 *                                     read 1 byte and the EOF (server closes first), close:
 *                                     connections/s
 *
 * ADDR is 127.0.0.1:PORT (TCP, TCP_NODELAY set) or a Unix socket path.
 * stderr gets "MARK start" / "MARK end" lines around the measured window (the driver samples
 * the server's CPU there); stdout gets one JSON line. Exit status 0 if the run was valid.
 * MB are 10^6 bytes.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

static struct sockaddr_storage g_addr;
static socklen_t g_addrlen;
static int g_tcp;
static int g_ep;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void die(const char *what) {
  fprintf(stderr, "loadgen: %s: %s\n", what, strerror(errno));
  exit(2);
}

static void mark(const char *what) {
  fprintf(stderr, "MARK %s\n", what);
  fflush(stderr);
}

static void parse_addr(const char *addr) {
  const char *colon = strrchr(addr, ':');
  memset(&g_addr, 0, sizeof g_addr);
  if (addr[0] != '/' && colon != NULL) {
    struct sockaddr_in *sin = (struct sockaddr_in *)&g_addr;
    char host[64];
    size_t hl = (size_t)(colon - addr);
    if (hl >= sizeof host) hl = sizeof host - 1;
    memcpy(host, addr, hl);
    host[hl] = 0;
    sin->sin_family = AF_INET;
    sin->sin_port = htons((uint16_t)atoi(colon + 1));
    if (inet_pton(AF_INET, host, &sin->sin_addr) != 1) {
      fprintf(stderr, "loadgen: bad address %s\n", addr);
      exit(2);
    }
    g_addrlen = sizeof *sin;
    g_tcp = 1;
  } else {
    struct sockaddr_un *sun = (struct sockaddr_un *)&g_addr;
    sun->sun_family = AF_UNIX;
    if (strlen(addr) >= sizeof sun->sun_path) {
      fprintf(stderr, "loadgen: path too long\n");
      exit(2);
    }
    strcpy(sun->sun_path, addr);
    g_addrlen = sizeof *sun;
    g_tcp = 0;
  }
}

static int new_socket(int nonblock) {
  int fd = socket(g_addr.ss_family, SOCK_STREAM | SOCK_CLOEXEC | (nonblock ? SOCK_NONBLOCK : 0), 0);
  if (fd < 0) die("socket");
  if (g_tcp) {
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  }
  return fd;
}

static int connect_blocking(void) {
  int fd = new_socket(0);
  for (int tries = 0;; tries++) {
    if (connect(fd, (struct sockaddr *)&g_addr, g_addrlen) == 0) return fd;
    if ((errno == EAGAIN || errno == EINTR) && tries < 1000) { /* Unix backlog full */
      usleep(1000);
      continue;
    }
    die("connect");
  }
}

static void set_nonblock(int fd) {
  int fl = fcntl(fd, F_GETFL);
  if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0) die("fcntl");
}

static void ep_ctl(int op, int fd, uint32_t events, uint64_t data) {
  struct epoll_event ev;
  ev.events = events;
  ev.data.u64 = data;
  if (epoll_ctl(g_ep, op, fd, &ev) < 0) die("epoll_ctl");
}

/* ---------------------------------------------------------------- pp */

struct ppconn {
  int fd;
  int got;  /* bytes of the current pong received */
  int sent; /* bytes of the current ping written */
};

static char *g_msg;
static int g_size;

/* write the rest of the current ping; returns 0, or -1 on error */
static int pp_send(struct ppconn *c, int idx) {
  while (c->sent < g_size) {
    ssize_t n = write(c->fd, g_msg + c->sent, (size_t)(g_size - c->sent));
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN) {
        ep_ctl(EPOLL_CTL_MOD, c->fd, EPOLLIN | EPOLLOUT, (uint64_t)idx);
        return 0;
      }
      return -1;
    }
    c->sent += (int)n;
  }
  return 0;
}

/* handles readiness; returns the number of completed round trips, or -1 on error */
static int pp_event(struct ppconn *c, int idx, uint32_t events, char *buf, int resend) {
  int done = 0;
  if (events & EPOLLOUT) {
    ep_ctl(EPOLL_CTL_MOD, c->fd, EPOLLIN, (uint64_t)idx);
    if (pp_send(c, idx) < 0) return -1;
  }
  if (!(events & (EPOLLIN | EPOLLERR | EPOLLHUP))) return 0;
  for (;;) {
    ssize_t n = read(c->fd, buf, (size_t)(g_size - c->got));
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN) break;
      return -1;
    }
    if (n == 0) {
      errno = ECONNRESET;
      return -1; /* unexpected EOF */
    }
    c->got += (int)n;
    if (c->got == g_size) {
      done++;
      c->got = 0;
      c->sent = 0;
      if (!resend) break;
      if (pp_send(c, idx) < 0) return -1;
      break; /* the pong cannot be there yet */
    }
  }
  return done;
}

static int run_pp(int nconn, int size, double warm, double dur) {
  struct ppconn *conns = calloc((size_t)nconn, sizeof *conns);
  struct epoll_event *evs = calloc(1024, sizeof *evs);
  char buf[65536];
  g_size = size;
  g_msg = malloc((size_t)size);
  if (size > (int)sizeof buf) {
    fprintf(stderr, "loadgen: SIZE too large\n");
    return 2;
  }
  memset(g_msg, 'p', (size_t)size);
  long errors = 0;
  double t_setup = now();

  /* Setup in batches: each connection does one round trip before the next batch connects,
   * so the server's accept backlog never overflows and every connection is accepted. */
  const int batch = 64;
  for (int start = 0; start < nconn; start += batch) {
    int end = start + batch < nconn ? start + batch : nconn;
    for (int i = start; i < end; i++) {
      conns[i].fd = connect_blocking();
      set_nonblock(conns[i].fd);
      ep_ctl(EPOLL_CTL_ADD, conns[i].fd, EPOLLIN, (uint64_t)i);
      if (pp_send(&conns[i], i) < 0) die("write");
    }
    int pending = end - start;
    while (pending > 0) {
      int n = epoll_wait(g_ep, evs, 1024, 10000);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) die("setup timeout");
      for (int k = 0; k < n; k++) {
        int i = (int)evs[k].data.u64;
        int r = pp_event(&conns[i], i, evs[k].events, buf, 0);
        if (r < 0) die("setup");
        pending -= r;
      }
    }
  }
  t_setup = now() - t_setup;

  for (int i = 0; i < nconn; i++)
    if (pp_send(&conns[i], i) < 0) die("write");

  double t0 = now(), t_start = t0 + warm, t_end = t_start + dur, t_mark = 0;
  long count = 0;
  int measuring = 0;
  for (;;) {
    int n = epoll_wait(g_ep, evs, 1024, 1000);
    if (n < 0) {
      if (errno == EINTR) continue;
      die("epoll_wait");
    }
    double t = now();
    if (!measuring && t >= t_start) {
      mark("start");
      measuring = 1;
      t_mark = t;
      count = 0;
    }
    if (measuring && t >= t_end) break;
    if (n == 0) {
      errors++;
      fprintf(stderr, "loadgen: no progress for 1 s\n");
      if (errors > 5) break;
    }
    for (int k = 0; k < n; k++) {
      int i = (int)evs[k].data.u64;
      int r = pp_event(&conns[i], i, evs[k].events, buf, 1);
      if (r < 0) {
        errors++;
        fprintf(stderr, "loadgen: connection %d: %s\n", i, strerror(errno));
        epoll_ctl(g_ep, EPOLL_CTL_DEL, conns[i].fd, NULL);
      } else {
        count += r;
      }
    }
  }
  double t_stop = now();
  mark("end");
  double secs = t_stop - t_mark;
  for (int i = 0; i < nconn; i++) close(conns[i].fd);
  printf("{\"mode\":\"pp\",\"conns\":%d,\"size\":%d,\"count\":%ld,\"secs\":%.6f,"
         "\"value\":%.1f,\"unit\":\"msg/s\",\"setup_secs\":%.4f,\"errors\":%ld}\n",
         nconn, size, count, secs, count / secs, t_setup, errors);
  return errors ? 1 : 0;
}

/* ---------------------------------------------------------------- sink */

static int run_sink(long long total, int chunk) {
  char *buf = malloc((size_t)chunk);
  memset(buf, 's', (size_t)chunk);
  int fd = connect_blocking();
  mark("start");
  double t0 = now();
  long long sent = 0;
  while (sent < total) {
    size_t want = (size_t)(total - sent < chunk ? total - sent : chunk);
    ssize_t n = write(fd, buf, want);
    if (n < 0) {
      if (errno == EINTR) continue;
      die("write");
    }
    sent += n;
  }
  if (shutdown(fd, SHUT_WR) < 0) die("shutdown");
  unsigned char reply[8];
  size_t got = 0;
  while (got < sizeof reply) {
    ssize_t n = read(fd, reply + got, sizeof reply - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += (size_t)n;
  }
  double secs = now() - t0;
  mark("end");
  unsigned long long count = 0;
  for (int i = 7; i >= 0; i--) count = (count << 8) | reply[i];
  int ok = got == sizeof reply && count == (unsigned long long)total;
  /* then the server's FIN: nothing more may arrive */
  char extra[16];
  ssize_t n;
  while ((n = read(fd, extra, sizeof extra)) < 0 && errno == EINTR) {
  }
  if (n != 0) ok = 0;
  close(fd);
  printf("{\"mode\":\"sink\",\"bytes\":%lld,\"chunk\":%d,\"reply\":%llu,\"secs\":%.6f,"
         "\"value\":%.1f,\"unit\":\"MB/s\",\"errors\":%d}\n",
         total, chunk, count, secs, total / secs / 1e6, ok ? 0 : 1);
  return ok ? 0 : 1;
}

/* ---------------------------------------------------------------- echo */

static int run_echo(long long total, int chunk) {
  char *wbuf = malloc((size_t)chunk);
  size_t rsize = 256 * 1024;
  char *rbuf = malloc(rsize);
  memset(wbuf, 'e', (size_t)chunk);
  struct epoll_event evs[4];
  int fd = connect_blocking();
  set_nonblock(fd);
  ep_ctl(EPOLL_CTL_ADD, fd, EPOLLIN | EPOLLOUT, 0);
  mark("start");
  double t0 = now(), t_done = 0;
  long long sent = 0, recvd = 0;
  size_t woff = 0; /* offset inside the current chunk */
  int writing = 1, eof = 0, err = 0;
  while (!eof && !err) {
    int n = epoll_wait(g_ep, evs, 4, 10000);
    if (n < 0) {
      if (errno == EINTR) continue;
      die("epoll_wait");
    }
    if (n == 0) {
      fprintf(stderr, "loadgen: echo stalled (sent %lld, received %lld)\n", sent, recvd);
      err = 1;
      break;
    }
    uint32_t e = evs[0].events;
    if (writing && (e & EPOLLOUT)) {
      for (;;) {
        long long left = total - sent;
        size_t want = (size_t)chunk - woff;
        if ((long long)want > left) want = (size_t)left;
        if (want == 0) break;
        ssize_t w = write(fd, wbuf + woff, want);
        if (w < 0) {
          if (errno == EINTR) continue;
          if (errno != EAGAIN) err = 1;
          break;
        }
        sent += w;
        woff = (woff + (size_t)w) % (size_t)chunk;
      }
      if (sent == total) {
        writing = 0;
        if (shutdown(fd, SHUT_WR) < 0) die("shutdown");
        ep_ctl(EPOLL_CTL_MOD, fd, EPOLLIN, 0);
      }
    }
    if (e & (EPOLLIN | EPOLLERR | EPOLLHUP)) {
      for (;;) {
        ssize_t r = read(fd, rbuf, rsize);
        if (r < 0) {
          if (errno == EINTR) continue;
          if (errno != EAGAIN) err = 1;
          break;
        }
        if (r == 0) {
          eof = 1;
          break;
        }
        recvd += r;
        if (recvd >= total && t_done == 0) t_done = now();
      }
    }
  }
  if (t_done == 0) t_done = now();
  double secs = t_done - t0;
  mark("end");
  close(fd);
  int ok = !err && eof && recvd == total;
  printf("{\"mode\":\"echo\",\"bytes\":%lld,\"chunk\":%d,\"received\":%lld,\"secs\":%.6f,"
         "\"value\":%.1f,\"unit\":\"MB/s\",\"errors\":%d}\n",
         total, chunk, recvd, secs, total / secs / 1e6, ok ? 0 : 1);
  return ok ? 0 : 1;
}

/* ---------------------------------------------------------------- churn */

struct chconn {
  int fd;
  int got;
};

static int churn_start(struct chconn *c, int idx, long *retries) {
  for (;;) {
    c->fd = new_socket(1);
    c->got = 0;
    if (connect(c->fd, (struct sockaddr *)&g_addr, g_addrlen) == 0 || errno == EINPROGRESS) break;
    int e = errno;
    close(c->fd);
    if (e == EAGAIN || e == EINTR) { /* Unix socket backlog full: retry shortly */
      (*retries)++;
      usleep(100);
      continue;
    }
    errno = e;
    return -1;
  }
  ep_ctl(EPOLL_CTL_ADD, c->fd, EPOLLIN, (uint64_t)idx);
  return 0;
}

static int run_churn(long total, int conc) {
  if (conc > total) conc = (int)total;
  struct chconn *conns = calloc((size_t)conc, sizeof *conns);
  struct epoll_event *evs = calloc((size_t)conc, sizeof *evs);
  long started = 0, done = 0, errors = 0, retries = 0, bad_bytes = 0, io_errors = 0;
  int last_errno = 0;
  char buf[64];
  mark("start");
  double t0 = now();
  for (int i = 0; i < conc; i++) {
    if (churn_start(&conns[i], i, &retries) < 0) die("connect");
    started++;
  }
  int active = conc;
  while (active > 0) {
    int n = epoll_wait(g_ep, evs, conc, 10000);
    if (n < 0) {
      if (errno == EINTR) continue;
      die("epoll_wait");
    }
    if (n == 0) {
      fprintf(stderr, "loadgen: churn stalled (%ld done)\n", done);
      errors++;
      break;
    }
    for (int k = 0; k < n; k++) {
      int i = (int)evs[k].data.u64;
      struct chconn *c = &conns[i];
      int finished = 0;
      for (;;) {
        ssize_t r = read(c->fd, buf, sizeof buf);
        if (r < 0) {
          if (errno == EINTR) continue;
          if (errno == EAGAIN) break;
          errors++;
          io_errors++;
          last_errno = errno;
          finished = 1;
          break;
        }
        if (r == 0) {
          if (c->got != 1) {
            errors++;
            bad_bytes++;
          }
          finished = 1;
          break;
        }
        c->got += (int)r;
      }
      if (!finished) continue;
      close(c->fd); /* also removes it from the epoll set */
      done++;
      if (started < total) {
        if (churn_start(c, i, &retries) < 0) die("connect");
        started++;
      } else {
        active--;
      }
    }
  }
  double secs = now() - t0;
  mark("end");
  printf("{\"mode\":\"churn\",\"total\":%ld,\"conc\":%d,\"done\":%ld,\"secs\":%.6f,"
         "\"value\":%.1f,\"unit\":\"conn/s\",\"retries\":%ld,\"errors\":%ld,\"io_errors\":%ld,\"bad_bytes\":%ld,"
         "\"last_error\":\"%s\"}\n",
         total, conc, done, secs, done / secs, retries, errors, io_errors, bad_bytes,
         last_errno ? strerror(last_errno) : "");
  return errors ? 1 : 0;
}

static void usage(void) {
  fprintf(stderr,
          "usage: loadgen ADDR pp N SIZE WARM DUR | sink BYTES CHUNK | echo BYTES CHUNK |"
          " churn TOTAL CONC\n");
  exit(2);
}

int main(int argc, char **argv) {
  if (argc < 3) usage();
  parse_addr(argv[1]);
  g_ep = epoll_create1(EPOLL_CLOEXEC);
  if (g_ep < 0) die("epoll_create1");
  const char *mode = argv[2];
  if (!strcmp(mode, "pp") && argc == 7)
    return run_pp(atoi(argv[3]), atoi(argv[4]), atof(argv[5]), atof(argv[6]));
  if (!strcmp(mode, "sink") && argc == 5) return run_sink(atoll(argv[3]), atoi(argv[4]));
  if (!strcmp(mode, "echo") && argc == 5) return run_echo(atoll(argv[3]), atoi(argv[4]));
  if (!strcmp(mode, "churn") && argc == 5) return run_churn(atol(argv[3]), atoi(argv[4]));
  usage();
  return 2;
}
