"""Engines in a process of their own, so that training and drawing do not share a GIL.

In one process the window's drawing (Python, pyqtgraph) and the engine's training (Python
around small torch calls) take turns on one interpreter lock: every frame drawn is time
not trained, and the event loop waits whenever the engine holds the lock. An engine host
is a child process that runs one engine at a time with the same loop the worker thread
uses (dlab.core.steering), told what to do over one pipe and answering over another:

    window -> host   ("start", spec, paused, speed, interval) | ("poke", {changes})
                     | ("step",) | ("interval", seconds) | ("quit",)
    host -> window   ("batch", Snapshot) | ("failed", message or BadInput's Text, traceback)
                     | ("ended", status, message)

``spec`` is any picklable object whose ``start(pacer)`` returns the engine's generator
(dlab.registry.RunSpec). A host is spawned once and serves run after run; one spare is
kept started (``take``/``give_back``), so pressing Run does not wait for torch to load;
a runner holds a host only while its run goes on.
"""

from __future__ import annotations

import multiprocessing
import queue
import signal
import threading
import traceback
from multiprocessing.connection import Connection
from typing import Any

from dlab.core.experiment import BadInput
from dlab.core.pacing import Pacer
from dlab.core.snapshot import FAILED, STOPPED, Snapshot
from dlab.core.steering import Control, Mailbox, steer

MAX_SPARE = 1  # started hosts kept waiting for a run


def serve(commands: Connection, results: Connection) -> None:
    """The host process's main: wait for a run, run it, answer; until told to quit."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the window's to handle
    from dlab.core.runtime import configure_torch, settle_imports

    configure_torch()  # imports torch now, while no one waits
    settle_imports()
    starts: queue.Queue = queue.Queue()
    current: dict[str, Any] = {}  # the latest run's Control, Pacer and Mailbox

    def read() -> None:
        """Commands arrive while a run goes on: a thread applies them to its Control."""
        while True:
            try:
                msg = commands.recv()
            except (EOFError, OSError):
                msg = ("quit",)
            kind = msg[0]
            ctl = current.get("ctl")
            if kind == "start":  # this run's objects now: the commands after it are its
                spec, paused, speed, interval = msg[1:]
                current.update(ctl=Control(paused=paused, speed=speed),
                               pacer=Pacer(interval), box=Mailbox(interval))
                starts.put((spec, current["ctl"], current["pacer"], current["box"]))
            elif kind == "quit":
                starts.put(None)
                if ctl is not None:
                    ctl.poke(stop=True)
                return
            elif ctl is None:
                continue  # a command for a run already over
            elif kind == "poke":
                ctl.poke(**msg[1])
            elif kind == "step":
                ctl.add_step()
            elif kind == "interval":
                current["pacer"].interval_s = current["box"].interval = msg[1]

    threading.Thread(target=read, name="dlab-host-commands", daemon=True).start()
    while (job := starts.get()) is not None:
        _run(*job, results)


class _Sender:
    """Sends a run's batches from a thread of its own, so that the engine never waits for
    the window: a pipe holds 64 kB, and a window busy painting reads late, so a send from
    the engine's thread blocked training until the window read (a tenth of the run for
    Sigmoid and BatchNorm in `dlab bench` under load). While a send waits, the engine's
    snapshots are merged in the mailbox (every record, the latest frame) and go next."""

    def __init__(self, results: Connection, box: Mailbox) -> None:
        self.results, self.box = results, box
        self.due = threading.Event()
        self.ending = False
        self.thread = threading.Thread(target=self._loop, name="dlab-host-send", daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        while True:
            self.due.wait()
            self.due.clear()
            batch = self.box.take()
            if batch is not None:
                try:
                    self.results.send(("batch", batch))
                except OSError:  # the window is gone: the host quits on its own
                    return
            if self.ending:
                return

    def must_wait(self) -> bool:
        """A frame made now would replace one not sent yet (it waits for the batch on its
        way, or for its turn): the engine makes none then, so each frame made is sent."""
        return self.box.has_frame()

    def finish(self) -> None:
        """Send what is left and stop; the caller sends next (one writer at a time)."""
        self.ending = True
        self.due.set()
        self.thread.join()


def _run(spec: Any, ctl: Control, pacer: Pacer, box: Mailbox, results: Connection) -> None:
    sender = _Sender(results, box)
    pacer.hold = sender.must_wait

    def deliver(snap: Snapshot, force: bool) -> None:
        box.put(snap)
        if box.should_signal(force):
            sender.due.set()

    gen = None
    status, message = STOPPED, ""
    failure: tuple[Any, str] | None = None
    try:
        gen = spec.start(pacer)
        status, message = steer(gen, ctl, deliver)
    except BadInput as exc:  # the user's data: the message says what to change
        status, message = FAILED, str(exc)
        failure = (exc.text, "")
    except Exception as exc:  # an engine bug ends the run, not the host
        status, message = FAILED, f"{type(exc).__name__}: {exc}"
        failure = (message, traceback.format_exc())
    finally:
        if gen is not None:
            gen.close()
        sender.finish()
        if failure is not None:
            results.send(("failed", *failure))
        last = box.take()
        if last is not None:
            results.send(("batch", last))
        results.send(("ended", status, message))


class Host:
    """A started engine process and its two pipes (the window's ends)."""

    def __init__(self) -> None:
        ctx = multiprocessing.get_context("spawn")  # never fork a process that runs Qt
        self.commands, their_commands = ctx.Pipe(duplex=False)[::-1]
        their_results, self.results = ctx.Pipe(duplex=False)[::-1]
        self.process = ctx.Process(target=serve, args=(their_commands, their_results),
                                   name="dlab-engine", daemon=True)
        self.process.start()
        their_commands.close()
        their_results.close()
        _hosts[:] = [h for h in _hosts if h.alive()]
        _hosts.append(self)

    def send(self, *msg: Any) -> bool:
        """False when the host is gone (its process ended)."""
        try:
            self.commands.send(msg)
            return True
        except (OSError, ValueError):
            return False

    def alive(self) -> bool:
        return self.process.is_alive()

    def close(self, timeout: float | None = 2.0) -> None:
        """Ask the host to quit; end it if it has not within ``timeout`` seconds. With
        None, do not wait: it quits by itself (the window must not wait for it; end_all
        ends it if the window's process ends first)."""
        self.send("quit")
        if timeout is not None:
            self.process.join(timeout)
            if self.process.is_alive():
                self.kill()
        self._close_pipes()

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5.0)
        self._close_pipes()

    def _close_pipes(self) -> None:
        for conn in (self.commands, self.results):
            conn.close()


_spare: list[Host] = []
# Every host started here whose process may still be going, spare, running or quitting:
# held (not weakly), so that end_all finds one a runner has let go of.
_hosts: list[Host] = []


def host_pids() -> list[int]:
    """The process ids of the hosts alive now, spare or running (the soak bench's memory
    counts them with the window's)."""
    return sorted(h.process.pid for h in list(_hosts) if h.alive() and h.process.pid)


def prestart() -> None:
    """Start a spare host now (after the window's first paint), so the first Run is quick."""
    if len(_spare) < MAX_SPARE:
        _spare.append(Host())


def take() -> Host:
    """A started host for a runner to keep: the spare if there is one, else a new one."""
    while _spare:
        host = _spare.pop()
        if host.alive():
            return host
        host.kill()
    return Host()


def give_back(host: Host) -> None:
    """A run is over: keep its host as the spare, or let it quit. Hosts are held only
    while they run, so the processes are as many as the runs going on, plus the spare."""
    if host.alive() and len(_spare) < MAX_SPARE:
        _spare.append(host)
    else:
        host.close(timeout=None)


def close_all() -> None:
    """Close the spare hosts (tests, benchmarks)."""
    while _spare:
        _spare.pop().close()


def end_all() -> None:
    """The window's process is about to end: end every host at once, spare, running or
    quitting, and wait until each is gone, so none outlives the window. A host holds
    nothing to keep (a run's records are the window's), and a host that quits by itself
    first unloads torch, which took 2 s on a busy machine: that was most of closing."""
    _spare.clear()
    hosts, _hosts[:] = list(_hosts), []
    for host in hosts:
        if host.process.is_alive():
            host.process.kill()
    for host in hosts:
        host.process.join(5.0)
