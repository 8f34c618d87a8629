/* Load client for the echo benchmarks: sends BYTES through one connection (a writer
 * thread) while reading the echo back, and prints the throughput in MiB/s. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static int fd;
static long long total;

static void *writer(void *unused)
{
    (void)unused;
    static char buf[65536];
    memset(buf, 'x', sizeof buf);
    for (long long sent = 0; sent < total;) {
        size_t chunk = total - sent < (long long)sizeof buf ? (size_t)(total - sent) : sizeof buf;
        ssize_t n = send(fd, buf, chunk, 0);
        if (n <= 0) {
            perror("send");
            exit(1);
        }
        sent += n;
    }
    shutdown(fd, SHUT_WR);
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: echo_load PORT BYTES\n");
        return 2;
    }
    total = atoll(argv[2]);
    fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)atoi(argv[1]));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
        perror("connect");
        return 1;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pthread_t t;
    pthread_create(&t, NULL, writer, NULL);
    static char buf[65536];
    long long got = 0;
    for (;;) {
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n <= 0)
            break;
        got += n;
    }
    pthread_join(t, NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    if (got != total) {
        fprintf(stderr, "echoed %lld of %lld bytes\n", got, total);
        return 1;
    }
    printf("%.1f\n", (double)total / (1024.0 * 1024.0) / seconds);
    return 0;
}
