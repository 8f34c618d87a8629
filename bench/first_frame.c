/* Start → first frame, measured by the X server's own events rather than by polling: starts a
 * program ROUNDS times and reports, as medians, when its main window (the first top-level
 * window whose title contains TITLE) was mapped, and when the program first drew into it
 * (the first DAMAGE report for that window). Given a second program after "--", the two start
 * in turn, round by round, and the paired ratio (the median of each round's ratio of first
 * frames) is printed too: a slow spell of the machine then hits both rather than one.
 *   first_frame TITLE ROUNDS COMMAND [ARGS...] [-- TITLE2 COMMAND2 [ARGS...]]
 * DISPLAY must name the X server.
 */
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/Xdamage.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_ROUNDS 100
#define MAX_WINDOWS 64

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, n, sizeof *v, by_value);
    return v[n / 2];
}

/* The window's title (_NET_WM_NAME, else WM_NAME) contains the text. */
static int titled(Display *dpy, Window w, const char *text)
{
    XTextProperty name;
    int found = 0;
    const Atom netName = XInternAtom(dpy, "_NET_WM_NAME", False);
    if ((XGetTextProperty(dpy, w, &name, netName) && name.value) ||
        (XGetWMName(dpy, w, &name) && name.value)) {
        found = strstr((const char *)name.value, text) != NULL;
        XFree(name.value);
    }
    return found;
}

/* One start: the milliseconds to map and to first drawing, or -1 when it timed out. */
static int measure(Display *dpy, int damageEvent, const char *title, char **command,
                   double *mappedMs, double *drawnMs)
{
    /* Every new top-level window gets a damage watch as it is created, before the program
     * can draw into it; which one is the main window is known only once it is mapped. */
    Window windows[MAX_WINDOWS];
    Damage damages[MAX_WINDOWS];
    int count = 0;
    Window main = None;
    *mappedMs = *drawnMs = -1;

    XSync(dpy, True);
    const double start = now_ms();
    const pid_t pid = fork();
    if (pid == 0) {
        int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, 1);
        dup2(devnull, 2);
        execvp(command[0], command);
        _exit(127);
    }
    while (*drawnMs < 0 && now_ms() - start < 30000) {
        if (!XPending(dpy)) {
            struct pollfd p = {ConnectionNumber(dpy), POLLIN, 0};
            poll(&p, 1, 100);
            continue;
        }
        XEvent e;
        XNextEvent(dpy, &e);
        if (e.type == CreateNotify && count < MAX_WINDOWS) {
            windows[count] = e.xcreatewindow.window;
            damages[count++] = XDamageCreate(dpy, e.xcreatewindow.window, XDamageReportNonEmpty);
        } else if (e.type == MapNotify && main == None && titled(dpy, e.xmap.window, title)) {
            main = e.xmap.window;
            *mappedMs = now_ms() - start;
        } else if (e.type == damageEvent + XDamageNotify) {
            const XDamageNotifyEvent *d = (const XDamageNotifyEvent *)&e;
            if (main != None && d->drawable == main)
                *drawnMs = now_ms() - start;
            XDamageSubtract(dpy, d->damage, None, None);
        }
    }
    kill(pid, SIGTERM);
    waitpid(pid, NULL, 0);
    XSync(dpy, False);
    for (int i = 0; i < count; ++i)
        XDamageDestroy(dpy, damages[i]);
    (void)windows;
    XSync(dpy, True);
    return *drawnMs < 0 ? -1 : 0;
}

static int ignoreErrors(Display *dpy, XErrorEvent *e)
{
    (void)dpy;
    (void)e; /* a window that went away between an event and a question about it */
    return 0;
}

struct Program
{
    const char *title;
    char **command;
    double mapped[MAX_ROUNDS], drawn[MAX_ROUNDS];
};

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(
            stderr,
            "usage: first_frame TITLE ROUNDS COMMAND [ARGS...] [-- TITLE2 COMMAND2 [ARGS...]]\n");
        return 2;
    }
    static struct Program programs[2];
    int count = 1;
    programs[0].title = argv[1];
    programs[0].command = argv + 3;
    for (int i = 4; i < argc; ++i) {
        if (strcmp(argv[i], "--") == 0) {
            if (i + 2 >= argc) {
                fprintf(stderr, "first_frame: after --, give TITLE2 COMMAND2\n");
                return 2;
            }
            argv[i] = NULL; /* ends the first command */
            programs[1].title = argv[i + 1];
            programs[1].command = argv + i + 2;
            count = 2;
            break;
        }
    }
    int rounds = atoi(argv[2]);
    if (rounds < 1 || rounds > MAX_ROUNDS)
        rounds = 5;
    Display *dpy = XOpenDisplay(NULL);
    if (!dpy) {
        fprintf(stderr, "first_frame: cannot open the X display (DISPLAY=%s)\n",
                getenv("DISPLAY") ? getenv("DISPLAY") : "");
        return 1;
    }
    int damageEvent, damageError;
    if (!XDamageQueryExtension(dpy, &damageEvent, &damageError)) {
        fprintf(stderr, "first_frame: the X server has no DAMAGE extension\n");
        return 1;
    }
    XSetErrorHandler(ignoreErrors);
    XSelectInput(dpy, DefaultRootWindow(dpy), SubstructureNotifyMask);

    for (int i = 0; i < rounds; ++i) {
        for (int p = 0; p < count; ++p) {
            struct Program *program = &programs[p];
            if (measure(dpy, damageEvent, program->title, program->command, &program->mapped[i],
                        &program->drawn[i]) != 0) {
                fprintf(stderr, "first_frame: no window titled \"%s\" drew within 30 s\n",
                        program->title);
                return 1;
            }
            usleep(300 * 1000);
        }
    }
    /* Before the medians below sort each program's rounds. */
    double ratios[MAX_ROUNDS];
    for (int i = 0; count == 2 && i < rounds; ++i)
        ratios[i] = programs[0].drawn[i] / programs[1].drawn[i];
    for (int p = 0; p < count; ++p) {
        printf("%s: window mapped after %.0f ms, first frame drawn after %.0f ms (medians of %d)\n",
               programs[p].command[0], median(programs[p].mapped, rounds),
               median(programs[p].drawn, rounds), rounds);
    }
    if (count == 2)
        printf("first frame, %s / %s: %.2fx (median of the %d rounds' ratios)\n",
               programs[0].command[0], programs[1].command[0], median(ratios, rounds), rounds);
    return 0;
}
