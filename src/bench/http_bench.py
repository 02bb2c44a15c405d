#!/usr/bin/env python3
"""HTTP side of the benchmarks: drives the service and the bare-engine baseline, both running as
their own processes on loopback, the way their clients do, and prints each figure next to the
baseline's. Started by the shell scripts beside it (which start and stop the servers):

    http_bench.py cycle SERVICE_URL BARE_URL       REST cycle, per-call p50/p99 and cycles/s
    http_bench.py tasklists SERVICE_URL BARE_URL   the head's task list and Tasklist's filter list
    http_bench.py walk URL                         one request from start to published (heap check)

Settings (environment): CLIENTS (2), ROUNDS (3), ROUND_SECONDS (15), WARMUP_SECONDS (15) for the
cycle; REQUESTS per round and measure (100), ROUNDS (3), WARMUP_REQUESTS (300) for the task lists.
Only the Python standard library; one keep-alive connection per client, as browsers keep theirs.
"""
import base64
import http.client
import json
import os
import sys
import threading
import time
import urllib.parse

KEY = "publicationRequest"
GROUP_TASKS_FILTER = "งานของกลุ่มฉัน (My group tasks)"
GOAL_MS = 50.0


class Client:
    """One HTTP/1.1 connection that keeps its cookies, like one browser tab or one script."""

    def __init__(self, base):
        url = urllib.parse.urlsplit(base)
        self.host, self.port = url.hostname, url.port
        self.connection = None
        self.cookies = {}
        self.xsrf = None

    def call(self, method, path, user=None, body=None, headers=None, form=None):
        """Answers (status, parsed JSON or text, seconds taken)."""
        sent = dict(headers or {})
        data = None
        if user:
            sent["Authorization"] = "Basic " + base64.b64encode(f"{user}:demo".encode()).decode()
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            sent["Content-Type"] = "application/json"
        if form is not None:
            data = urllib.parse.urlencode(form).encode("utf-8")
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=120)
            try:
                start = time.perf_counter()
                self.connection.request(method, path, body=data, headers=sent)
                response = self.connection.getresponse()
                raw = response.read()
                took = time.perf_counter() - start
                break
            except (http.client.HTTPException, ConnectionError):
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";")[0]
            elif header.lower() == "x-xsrf-token":
                self.xsrf = value
        text = raw.decode("utf-8")
        try:
            parsed = json.loads(text) if text else None
        except ValueError:
            parsed = text
        return response.status, parsed, took

    def ok(self, method, path, user=None, body=None, headers=None, form=None, expect=(200, 204)):
        status, parsed, took = self.call(method, path, user, body, headers, form)
        if status not in expect:
            raise RuntimeError(f"{method} {path} as {user}: HTTP {status} {str(parsed)[:300]}")
        return parsed, took


def variables(values):
    return {"variables": {
        name: {"value": value, "type": "Boolean" if isinstance(value, bool) else "String"}
        for name, value in values.items()}}


def request_fields(n):
    return {
        "unit": "clerk",
        "title": f"ประกาศรับสมัครพนักงานจ้างทั่วไป ฉบับที่ {n}",
        "details": "เทศบาลประกาศรับสมัครพนักงานจ้างทั่วไป จำนวน ๓ อัตรา\nรับสมัครถึงวันที่ ๓๐ ธันวาคม",
        "category": "other",
        "oitItem": "O7",
        "externalUrl": f"https://www.example.go.th/jobs/{n}",
        "remarks": "ขอให้เผยแพร่โดยเร็ว",
        "urgent": False,
    }


STEPS = [("reporter.clerk", "prepareRequest", "reporterConfirmed", True),
         ("head.clerk", "approveRequest", "headDecision", "approve"),
         ("webmaster", "publishRequest", "webmasterDecision", "publish")]
CALLS = ["start", "task query", "complete prepareRequest", "complete approveRequest",
         "complete publishRequest"]


def walk(client, n, latencies=None):
    """One request through the three signed steps, as the staff's clients call REST."""
    def timed(name, took):
        if latencies is not None:
            latencies[name].append(took)

    started, took = client.ok("POST", f"/engine-rest/process-definition/key/{KEY}/start",
                              "reporter.clerk", variables(request_fields(n)))
    timed("start", took)
    instance = started["id"]
    for user, task_key, decision, value in STEPS:
        tasks, took = client.ok(
            "GET", f"/engine-rest/task?processInstanceId={instance}&taskDefinitionKey={task_key}", user)
        timed("task query", took)
        if len(tasks) != 1:
            raise RuntimeError(f"{user} sees {len(tasks)} {task_key} tasks of {instance}")
        _, took = client.ok("POST", f"/engine-rest/task/{tasks[0]['id']}/complete", user,
                            variables({decision: value}))
        timed("complete " + task_key, took)
    return instance


def finished(client):
    count, _ = client.ok(
        "GET", f"/engine-rest/history/process-instance/count?processDefinitionKey={KEY}&finished=true",
        "admin")
    return count["count"]


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, int(round(p / 100.0 * len(ordered) + 0.5)) - 1))
    return ordered[index] * 1000.0


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


class Side:
    def __init__(self, name, base):
        self.name, self.base = name, base
        self.numbers = iter(range(1, 10**9))
        self.lock = threading.Lock()

    def number(self):
        with self.lock:
            return next(self.numbers)


def run_clients(side, clients, seconds, latencies):
    """Cycles on `clients` connections for `seconds`, then waits for the publishing jobs (so that
    they never run during the other side's round). Answers (cycles, seconds of the clients,
    seconds until every job ran, failures)."""
    admin = Client(side.base)
    before = finished(admin)
    counts, failures = [0] * clients, []
    start = time.perf_counter()
    deadline = start + seconds

    def client_loop(i):
        client = Client(side.base)
        while True:
            try:
                walk(client, side.number(), latencies)
                counts[i] += 1
            except Exception as failure:  # a failed cycle is counted and shown, not fatal
                failures.append(str(failure))
            if time.perf_counter() >= deadline:
                return

    threads = [threading.Thread(target=client_loop, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    clients_took = time.perf_counter() - start
    cycles = sum(counts)
    while finished(admin) - before < cycles:
        if time.perf_counter() - start > seconds + 120:
            raise RuntimeError(f"{side.name}: the publishing jobs did not finish within 120 s")
        time.sleep(0.05)
    return cycles, clients_took, time.perf_counter() - start, failures


def cycle(service_url, bare_url):
    clients = int(os.environ.get("CLIENTS", 2))
    rounds = int(os.environ.get("ROUNDS", 3))
    seconds = float(os.environ.get("ROUND_SECONDS", 15))
    warmup = float(os.environ.get("WARMUP_SECONDS", 15))
    sides = [Side("bare engine", bare_url), Side("service", service_url)]
    print(f"load average at the start: {load_average()}")
    for side in sides:
        # The first request of a fiscal year creates its number sequence: alone, then warm up.
        walk(Client(side.base), side.number())
        run_clients(side, clients, warmup, {c: [] for c in CALLS})
    latencies = {side.name: {c: [] for c in CALLS} for side in sides}
    rates = {side.name: [] for side in sides}
    drained = {side.name: [] for side in sides}
    print(f"REST cycle through /engine-rest (basic auth), {clients} clients, "
          f"{rounds} rounds of {seconds:.0f} s per side, interleaved")
    for round_number in range(1, rounds + 1):
        order = sides if round_number % 2 == 1 else list(reversed(sides))
        for side in order:
            cycles, took, until_jobs, failures = run_clients(
                side, clients, seconds, latencies[side.name])
            rates[side.name].append(cycles / took)
            drained[side.name].append(cycles / until_jobs)
            note = f", {len(failures)} failed: {failures[0][:200]}" if failures else ""
            print(f"  round {round_number} {side.name:12s} {cycles:5d} cycles, "
                  f"{cycles / took:6.1f} cycles/s, {cycles / until_jobs:6.1f} counting until the "
                  f"last publishing job ran{note}")
    bare, service = latencies["bare engine"], latencies["service"]
    print()
    print(f"{'call (ms)':26s} {'bare p50':>9s} {'p99':>7s} {'service p50':>12s} {'p99':>7s} "
          f"{'ratio p50':>10s} {'p99':>6s}  goal: service p99 ≤ {GOAL_MS:.0f} ms")
    for call in CALLS:
        b50, b99 = percentile(bare[call], 50), percentile(bare[call], 99)
        s50, s99 = percentile(service[call], 50), percentile(service[call], 99)
        print(f"{call:26s} {b50:9.1f} {b99:7.1f} {s50:12.1f} {s99:7.1f} {s50 / b50:10.2f} "
              f"{s99 / b99:6.2f}  {'met' if s99 <= GOAL_MS else 'NOT met'} "
              f"({len(service[call])} calls)")
    for label, values in (("cycles/s (median)", rates), ("… until the jobs ran", drained)):
        b, s = median(values["bare engine"]), median(values["service"])
        print(f"{label:26s} {b:9.1f} {'':7s} {s:12.1f} {'':7s} {s / b:10.2f}")
    print(f"load average at the end: {load_average()}")


def median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


class Tasklist:
    """A browser logged into Tasklist: session cookie and XSRF token as the webapp hands them."""

    def __init__(self, base, user):
        self.client = Client(base)
        self.client.ok("GET", "/camunda/api/engine/engine/")
        self.client.ok("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
                       headers={"X-XSRF-TOKEN": self.client.xsrf},
                       form={"username": user, "password": "demo"})
        self.client.ok("GET", "/camunda/api/engine/engine/")
        filters, _ = self.client.ok("GET", "/camunda/api/engine/engine/default/filter?resourceType=Task")
        self.filter_id = next(f["id"] for f in filters if f["name"] == GROUP_TASKS_FILTER)

    def group_tasks(self):
        """The first page of "My group tasks", exactly as Tasklist asks for it."""
        query = {"processVariables": [], "taskVariables": [], "caseInstanceVariables": [],
                 "firstResult": 0, "maxResults": 15,
                 "sorting": [{"sortBy": "created", "sortOrder": "desc"}], "active": True}
        return self.client.ok(
            "POST", f"/camunda/api/engine/engine/default/filter/{self.filter_id}/list"
                    "?firstResult=0&maxResults=15",
            body=query,
            headers={"Accept": "application/hal+json, application/json; q=0.5",
                     "X-XSRF-TOKEN": self.client.xsrf})


def tasklists(service_url, bare_url):
    requests = int(os.environ.get("REQUESTS", 100))
    rounds = int(os.environ.get("ROUNDS", 3))
    # A server that has been up a while answers from compiled code: Java's optimizing compiler
    # takes a method after thousands of calls, so with 20 warm-up requests the first rounds measured
    # the compiler at work, not the lists (p99 43-54 ms against 36-40 ms after 300, both sides).
    warmup = int(os.environ.get("WARMUP_REQUESTS", 300))
    print(f"load average at the start: {load_average()}")
    sides = [Side("bare engine", bare_url), Side("service", service_url)]
    measures = {}
    for side in sides:
        api, browser = Client(side.base), Tasklist(side.base, "head.clerk")
        waiting, _ = api.ok("GET", "/engine-rest/task/count?taskDefinitionKey=approveRequest", "admin")
        mine, _ = api.ok("GET", "/engine-rest/task/count?candidateGroup=head-clerk", "head.clerk")
        print(f"{side.name}: {waiting['count']} requests wait for a head, "
              f"{mine['count']} of them for head-clerk")

        def task_list(api=api):
            tasks, took = api.ok("GET", "/engine-rest/task?candidateGroup=head-clerk&maxResults=15",
                                 "head.clerk")
            return len(tasks), took

        def filter_list(browser=browser):
            page, took = browser.group_tasks()
            return len(page["_embedded"]["task"]), took

        measures[side.name] = {"head's task list (REST)": task_list,
                               "Tasklist's \"My group tasks\"": filter_list}
        for call in measures[side.name].values():
            for _ in range(warmup):
                call()
    samples = {side.name: {m: [] for m in measures[side.name]} for side in sides}
    sizes = {}
    for round_number in range(1, rounds + 1):
        for measure in measures["service"]:
            order = sides if round_number % 2 == 1 else list(reversed(sides))
            for side in order:
                for _ in range(requests):
                    size, took = measures[side.name][measure]()
                    samples[side.name][measure].append(took)
                    sizes[(side.name, measure)] = size
    print(f"{rounds} rounds of {requests} requests per measure and side, one client, interleaved:")
    print("  head's task list: GET /engine-rest/task?candidateGroup=head-clerk&maxResults=15 as head.clerk")
    print("  Tasklist's \"My group tasks\": POST /camunda/api/engine/engine/default/filter/{id}/list"
          "?firstResult=0&maxResults=15 (HAL), head.clerk logged into Tasklist")
    print(f"{'measure (ms)':30s} {'bare p50':>9s} {'p99':>7s} {'service p50':>12s} {'p99':>7s} "
          f"{'ratio p50':>10s} {'p99':>6s}  goal: service p99 ≤ {GOAL_MS:.0f} ms")
    for measure in measures["service"]:
        b, s = samples["bare engine"][measure], samples["service"][measure]
        b50, b99, s50, s99 = percentile(b, 50), percentile(b, 99), percentile(s, 50), percentile(s, 99)
        print(f"{measure:30s} {b50:9.1f} {b99:7.1f} {s50:12.1f} {s99:7.1f} {s50 / b50:10.2f} "
              f"{s99 / b99:6.2f}  {'met' if s99 <= GOAL_MS else 'NOT met'} "
              f"(tasks per page: bare {sizes[('bare engine', measure)]}, "
              f"service {sizes[('service', measure)]})")
    print(f"load average at the end: {load_average()}")


def walk_one(base):
    client = Client(base)
    start = time.perf_counter()
    before = finished(client)
    walk(client, 1)
    while finished(client) == before:
        if time.perf_counter() - start > 120:
            raise SystemExit("the request was not published within 120 s")
        time.sleep(0.1)
    print(f"one request walked through /engine-rest and published in {time.perf_counter() - start:.1f} s")


def main():
    command = sys.argv[1]
    if command == "cycle":
        cycle(sys.argv[2].rstrip("/"), sys.argv[3].rstrip("/"))
    elif command == "tasklists":
        tasklists(sys.argv[2].rstrip("/"), sys.argv[3].rstrip("/"))
    elif command == "walk":
        walk_one(sys.argv[2].rstrip("/"))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
