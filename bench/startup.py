"""Start → first frame: how long until a program's main window is mapped and viewable on an
X server (Xvfb here), polled with xwininfo every 5 ms. Runs each program ROUNDS times and
prints the median. Compares SocketLab with Debian's packetsender started the same way.
    python3 bench/startup.py DISPLAY ROUNDS NAME WINDOW_TITLE COMMAND..."""
import os
import statistics
import subprocess
import sys
import time

display, rounds, name, title = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
command = sys.argv[5:]
env = dict(os.environ, DISPLAY=display)
env.pop('QT_QPA_PLATFORM', None)


def viewable():
    # Any top-level window whose name contains the title, once it is mapped.
    tree = subprocess.run(['xwininfo', '-root', '-tree'], env=env, capture_output=True,
                          text=True).stdout
    for line in tree.splitlines():
        line = line.strip()
        if '"' in line and title in line.split('"')[1]:
            window = line.split()[0]
            info = subprocess.run(['xwininfo', '-id', window], env=env, capture_output=True,
                                  text=True).stdout
            if 'IsViewable' in info:
                return True
    return False


times = []
for _ in range(rounds):
    start = time.monotonic()
    program = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    while not viewable():
        if time.monotonic() - start > 30:
            break
        time.sleep(0.005)
    times.append((time.monotonic() - start) * 1000)
    program.terminate()
    program.wait(timeout=10)
    time.sleep(0.3)
print('%s: median %.0f ms (of %d: %s)' % (name, statistics.median(times), rounds,
                                          ', '.join('%.0f' % t for t in times)))
