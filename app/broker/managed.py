"""The managed Mosquitto: a child process on 127.0.0.1 that lives and dies with the app.

Start: find the binary, write config, password and ACL files into ``<data dir>/broker``,
start Mosquitto, wait until it accepts connections. If it dies, start it again with back-off
(1 s, 2 s, 4 s … 30 s), counting restarts, and tell ``on_restart`` since when its memory was
lost: Mosquitto saves sessions and queued messages every few seconds, so a crash loses what
was acknowledged after its last save (``lost_since``), and the MQ publisher sends that again.
Its log is kept (the last lines in memory, all of
it in ``mosquitto.log``). Stop: SIGTERM, then SIGKILL after 5 s.

No orphaned broker: on Linux the child asks the kernel for SIGTERM when its parent dies
(PR_SET_PDEATHSIG), so even a kill -9 of the app takes the broker down; everywhere, a broker
left behind by a previous run (its pid in ``mosquitto.pid``) is stopped before a new start.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import secrets
import shutil
import signal
import socket
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from app.broker import accounts, config, dynsec
from app.broker.health import Presence
from app.tasks import spawn
from app.transport.mqtt import MqttClient, MqttError

log = logging.getLogger(__name__)

#: Where Mosquitto lives when it is not on PATH.
KNOWN_PLACES = ("/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto",
                "/opt/homebrew/sbin/mosquitto", "/usr/local/opt/mosquitto/sbin/mosquitto",
                r"C:\Program Files\mosquitto\mosquitto.exe")

NO_PLUGIN = ("this Mosquitto has no dynamic-security plugin (mosquitto_dynamic_security), "
             "which Push Studio needs for its accounts; Mosquitto 2.0 or newer ships it — "
             "install that, or point --broker at a broker you have")

INSTALL_HINT = ("Mosquitto is not installed, so Push Studio runs without MQ topics (HTTP "
                "callbacks only). Install it — Debian/Ubuntu: sudo apt-get install mosquitto; "
                "macOS: brew install mosquitto; Windows: the Mosquitto installer, or "
                "choco install mosquitto — or point --broker at a broker you have.")


class BrokerUnavailable(RuntimeError):
    """No Mosquitto to start; the message says how to get one."""


def find_mosquitto(configured: str | None = None) -> str | None:
    if configured:
        return configured if Path(configured).exists() else None
    found = shutil.which("mosquitto")
    if found:
        return found
    return next((p for p in KNOWN_PLACES if Path(p).exists()), None)


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


@dataclass
class BrokerStatus:
    managed: bool
    host: str
    port: int
    running: bool
    pid: int | None
    restarts: int
    binary: str | None

    clients: list[dict[str, object]] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {"managed": self.managed, "host": self.host, "port": self.port,
                "running": self.running, "pid": self.pid, "restarts": self.restarts,
                "binary": self.binary, "clients": self.clients}


class ManagedBroker:
    def __init__(self, data_dir: Path, *, host: str = "127.0.0.1", port: int = 0,
                 binary: str | None = None) -> None:
        self.directory = Path(data_dir) / "broker"
        self.host, self.port = host, port
        self.binary = find_mosquitto(binary)
        self.plugin = dynsec.find_plugin(self.binary)
        self.restarts = 0
        self.log_tail: deque[str] = deque(maxlen=500)
        self.presence = Presence()
        #: How far the log file has been read (None: not following it).
        self._log_position: int | None = None
        self._log_file: BinaryIO | None = None
        self._process: asyncio.subprocess.Process | None = None
        self._watcher: asyncio.Task[None] | None = None
        self._follower: asyncio.Task[None] | None = None
        self._stopping = False
        self._subscribers: list[str] = []
        self._im_users: dict[str, str] = {}
        #: The accounts the running broker has (by username), as far as we told it.
        self._applied: dict[str, dynsec.Client] = {}
        self._control: MqttClient | None = None
        self._sync_lock: asyncio.Lock | None = None
        self._started_at = 0.0
        #: Called after a restart that followed a crash, with the time since which messages
        #: the broker had acknowledged are gone (see lost_since).
        self.on_restart: list[Callable[[float], None]] = []
        #: Set each time the watcher has the broker running again after it died.
        self._restarted = asyncio.Event()

    # --- credentials ----------------------------------------------------------------------

    @property
    def service(self) -> accounts.Account:
        return accounts.Account(accounts.SERVICE_USER, self._secret("service-password"))

    @property
    def im_server(self) -> accounts.Account:
        return accounts.Account(accounts.IM_SERVER_USER, self._secret("imserver-password"))

    def subscriber_account(self, base_code: str) -> accounts.Account:
        return accounts.Account(base_code, accounts.subscriber_password(
            self._secret("secret"), base_code))

    def set_subscribers(self, base_codes: Iterable[str]) -> None:
        """The subscriber systems that may connect; a running broker follows (see sync)."""
        self._subscribers = list(base_codes)
        self._changed()

    def set_im_users(self, users: dict[str, str]) -> None:
        """The IM users that may connect: userID → authSign."""
        self._im_users = dict(users)
        self._changed()

    async def put_im_users(self, users: dict[str, str]) -> None:
        """As set_im_users, returning when a running broker has them (the IM server's
        ``accounts`` hook)."""
        self._im_users = dict(users)
        await self.sync()

    def accounts(self) -> dict[str, dynsec.Client]:
        """Every account the broker should have, by username."""
        out = {accounts.SERVICE_USER: accounts.service_client(self.service.password),
               accounts.IM_SERVER_USER: accounts.im_server_client(self.im_server.password)}
        for code in self._subscribers:
            out[code] = accounts.subscriber_client(code,
                                                   self.subscriber_account(code).password)
        for user_id, sign in self._im_users.items():
            out.setdefault(user_id, accounts.im_user_client(user_id, sign))
        return out

    def _changed(self) -> None:
        if self._control is not None:
            spawn(self._sync_logged(), name="broker accounts")

    async def _sync_logged(self) -> None:
        try:
            await self.sync()
        except Exception:
            log.exception("the broker did not take the new accounts")

    async def sync(self) -> None:
        """Bring the running broker's accounts up to date (a no-op when they are); returns
        when the broker has answered. A broker that is down gets them when it starts."""
        if self._control is None:
            return
        if self._sync_lock is None:
            self._sync_lock = asyncio.Lock()
        async with self._sync_lock:
            wanted = self.accounts()
            commands = dynsec.commands(self._applied, wanted)
            if not commands:
                return
            for start in range(0, len(commands), 500):
                await self._command(commands[start:start + 500])
            self._applied = wanted

    async def _command(self, commands: list[dict[str, object]]) -> None:
        control = self._control
        assert control is not None
        while not control.messages.empty():  # answers nobody waited for (a timeout)
            control.messages.get_nowait()
        await control.publish(dynsec.CONTROL_TOPIC, json.dumps({"commands": commands}).encode())
        try:
            message = await asyncio.wait_for(control.messages.get(), 30)
        except TimeoutError:
            raise MqttError("the broker did not answer an account change within 30 s") from None
        errors = [f"{r.get('command')}: {r['error']}"
                  for r in json.loads(message.payload).get("responses", []) if r.get("error")]
        if errors:
            log.warning("the broker refused account changes: %s", "; ".join(errors[:5]))

    def _secret(self, name: str) -> str:
        path = self.directory / name
        if path.exists():
            return path.read_text(encoding="ascii").strip()
        self.directory.mkdir(parents=True, exist_ok=True)
        value = secrets.token_urlsafe(24)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(value + "\n")
        return value

    # --- life cycle -----------------------------------------------------------------------

    async def start(self, within: float = 15.0) -> None:
        if self.binary is None:
            raise BrokerUnavailable(INSTALL_HINT)
        if not os.access(self.binary, os.X_OK):
            raise BrokerUnavailable(f"{self.binary} is not an executable Mosquitto. "
                                    + INSTALL_HINT)
        if self.plugin is None:
            raise BrokerUnavailable(f"{self.binary}: {NO_PLUGIN}")
        self.directory.mkdir(parents=True, exist_ok=True)
        (self.directory / "data").mkdir(exist_ok=True)
        self._stop_orphan()
        if not self.port:
            self.port = free_port(self.host)
        (self.directory / "mosquitto.conf").write_text(config.render(
            host=self.host, port=self.port, directory=self.directory,
            plugin=self.plugin))  # type: ignore[arg-type]
        self._stopping = False
        self._follower = spawn(self._follow_log(), name="mosquitto log")
        try:
            await self._spawn(within)
        except BaseException:
            self._follower.cancel()
            self._follower = None
            raise
        self._watcher = spawn(self._watch(), name="mosquitto watcher")
        # The service account's own connection for account changes; it reconnects by itself
        # after a restart.
        control = MqttClient(self.host, self.port, username=self.service.username,
                             password=self.service.password, client_id="pushstudio-control")
        await control.connect(within)
        await control.subscribe(dynsec.RESPONSE_TOPIC, 1)
        self._control = control
        await self.sync()  # anything set while it was starting

    async def stop(self) -> None:
        self._stopping = True
        control, self._control = self._control, None
        if control is not None:
            await control.disconnect()
        if self._watcher is not None:
            self._watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watcher
            self._watcher = None
        if self._follower is not None:
            self._follower.cancel()
            self._follower = None
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None
        process, self._process = self._process, None
        if process is not None and process.returncode is None:
            process.terminate()
            try:
                await asyncio.wait_for(process.wait(), 5)
            except TimeoutError:
                process.kill()
                await process.wait()
        with contextlib.suppress(FileNotFoundError):
            (self.directory / "mosquitto.pid").unlink()

    def status(self) -> BrokerStatus:
        running = self._process is not None and self._process.returncode is None
        return BrokerStatus(True, self.host, self.port, running,
                            self._process.pid if running else None,  # type: ignore[union-attr]
                            self.restarts, self.binary, self.presence.to_json())

    async def _spawn(self, within: float) -> None:
        kwargs: dict[str, object] = {}
        if sys.platform.startswith("linux"):
            kwargs["preexec_fn"] = _die_with_parent
        if os.name == "posix":
            # Its own session: Ctrl+C in the terminal signals the whole foreground group,
            # and the broker would die under us (and be restarted) while we stop in order.
            kwargs["start_new_session"] = True
        # Every start begins from exactly the accounts we want (the plugin rewrites this
        # file as it takes changes; ours wins).
        wanted = self.accounts()
        self._write_private(self.directory / "dynamic-security.json", json.dumps(
            dynsec.config_file(wanted.values(), accounts.SHARED_ROLES), indent=1))
        self._applied = wanted
        self._started_at = time.time()
        self._process = await asyncio.create_subprocess_exec(
            self.binary, "-c", str(self.directory / "mosquitto.conf"),  # type: ignore[arg-type]
            stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT, **kwargs)
        (self.directory / "mosquitto.pid").write_text(str(self._process.pid))
        spawn(self._capture(self._process), name="mosquitto output")
        try:
            await asyncio.wait_for(self._until_accepting(), within)
        except (TimeoutError, BrokerUnavailable) as error:
            if self._process.returncode is None:  # not left running half-started
                self._process.kill()
                await self._process.wait()
            if isinstance(error, BrokerUnavailable):
                raise
            tail = "\n".join(list(self.log_tail)[-10:])
            raise BrokerUnavailable(
                f"Mosquitto did not accept connections on {self.host}:{self.port} within "
                f"{within:g} s; its log says:\n{tail}") from None

    async def _until_accepting(self) -> None:
        while True:
            if self._process is not None and self._process.returncode is not None:
                tail = "\n".join(list(self.log_tail)[-10:])
                raise BrokerUnavailable(f"Mosquitto exited at start ({self._process.returncode})"
                                        f"; its log says:\n{tail}")
            try:
                _, writer = await asyncio.open_connection(self.host, self.port)
            except OSError:
                await asyncio.sleep(0.05)
                continue
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()
            return

    async def _watch(self) -> None:
        """Start it again whenever it dies, backing off up to 30 s."""
        delay, lost = 1.0, None
        while not self._stopping:
            assert self._process is not None
            code = await self._process.wait()
            if self._stopping:
                return
            self.restarts += 1
            self.presence.reset()
            # A start that failed lost nothing new: keep the earliest loss until one works.
            lost = self.lost_since() if lost is None else lost
            log.error("Mosquitto exited (%s); starting it again in %.0f s", code, delay)
            await asyncio.sleep(delay)
            try:
                await self._spawn(15.0)
                delay = 1.0
            except BrokerUnavailable as error:
                log.error("%s", error)
                delay = min(delay * 2, 30.0)
                continue
            for hook in self.on_restart:
                try:
                    hook(lost)
                except Exception:
                    log.exception("after the broker restart")
            lost = None
            self._restarted.set()

    async def restart(self, within: float = 20.0) -> None:
        """Stop Mosquitto as an operator would (SIGTERM: it saves its persistence file first)
        and let the watcher start it again exactly as after a crash, so that a scenario's
        "restart the broker" exercises the recovery path. Returns once it accepts again."""
        process = self._process
        if process is None or process.returncode is not None or self._watcher is None:
            raise BrokerUnavailable("the managed broker is not running, so it cannot be "
                                    "restarted")
        self._restarted.clear()
        process.terminate()
        try:
            await asyncio.wait_for(self._restarted.wait(), within)
        except TimeoutError:
            raise BrokerUnavailable(f"Mosquitto did not come back within {within:g} s "
                                    f"(restarts so far: {self.restarts})") from None

    def lost_since(self) -> float:
        """After a crash: what the broker acknowledged since then existed only in its memory.
        That is since its last save of the persistence file, or since it started if it had
        not saved since; a second of margin covers a save under way at the moment."""
        try:
            saved = (self.directory / "data" / "mosquitto.db").stat().st_mtime
        except FileNotFoundError:
            saved = 0.0
        return max(saved, self._started_at) - 1.0

    async def _capture(self, process: asyncio.subprocess.Process) -> None:
        """What Mosquitto prints before its log file is open (a bad config, a busy port)."""
        assert process.stdout is not None
        async for line in process.stdout:
            self.log_tail.append(line.decode("utf-8", "replace").rstrip())

    async def _follow_log(self) -> None:
        """Read the log file as Mosquitto writes it: the tail, and who is connected."""
        self._log_position = self._log_size()
        while True:
            self.catch_up()
            await asyncio.sleep(0.1)

    def catch_up(self) -> None:
        """Read what the log gained since the last look, now."""
        if self._log_position is None:
            return
        if self._log_file is None:
            try:  # kept open: a look is then one read(), cheap enough for every message
                self._log_file = (self.directory / "mosquitto.log").open("rb")
            except FileNotFoundError:
                return
        self._log_file.seek(self._log_position)
        data = self._log_file.read()
        end = data.rfind(b"\n") + 1  # a line still being written waits for the next look
        self._log_position += end
        for text in data[:end].decode("utf-8", "replace").splitlines():
            if not text:
                continue
            self.log_tail.append(text)
            self.presence.feed(text)

    def online(self, client_id: str) -> bool:
        """Whether a client is connected, as of this moment. Mosquitto writes a client's
        "New client connected" line before its CONNACK, so once the client can have sent
        anything, the line is in the file: catching up first leaves no window in which a
        user who just came online is taken for offline (and sent a push)."""
        self.catch_up()
        return client_id in self.presence.clients

    def _log_size(self) -> int:
        try:
            return (self.directory / "mosquitto.log").stat().st_size
        except FileNotFoundError:
            return 0

    @staticmethod
    def _write_private(path: Path, text: str) -> None:
        """Readable by its owner only: it holds password hashes."""
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)

    def _stop_orphan(self) -> None:
        """A broker from a previous run that was killed too hard to clean up: stop it, but
        only if it is really a mosquitto running our config."""
        pidfile = self.directory / "mosquitto.pid"
        try:
            pid = int(pidfile.read_text())
        except (FileNotFoundError, ValueError):
            return
        cmdline = Path(f"/proc/{pid}/cmdline")
        try:
            command = cmdline.read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            return  # gone already (or no /proc: nothing we can safely check)
        if "mosquitto" in command and str(self.directory) in command:
            log.warning("stopping a Mosquitto left over from an earlier run (pid %d)", pid)
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)


# Looked up before any fork: between fork and exec the child may only call, not import
# (another thread could hold the import lock at the moment of the fork).
_PRCTL = None
if sys.platform.startswith("linux"):
    import ctypes

    _PRCTL = ctypes.CDLL(None, use_errno=True).prctl


def _die_with_parent() -> None:  # pragma: no cover - runs in the child, between fork and exec
    PR_SET_PDEATHSIG = 1
    _PRCTL(PR_SET_PDEATHSIG, signal.SIGTERM)  # type: ignore[misc]
