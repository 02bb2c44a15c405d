#!/usr/bin/env python3
"""Puts N published items on a running demo instance the way staff do: each request is started by
a unit's reporter, signed, approved by the unit's head and published by the webmaster through the
REST API, then published by the job executor. The last one carries an image. Prints the business
key of the item with the image.

    python3 src/bench/seed-published-items.py http://127.0.0.1:8080 [N]
"""
import base64
import json
import struct
import sys
import time
import urllib.request
import zlib

UNITS = ["clerk", "finance", "engineering", "education", "health", "audit"]
CATEGORIES = ["structure", "powers", "contact", "rules", "plans", "procurement", "other"]
DETAILS = (
    "เทศบาลขอประชาสัมพันธ์ให้ประชาชนในเขตเทศบาลทราบโดยทั่วกัน เรื่อง {title} "
    "เพื่อให้การดำเนินงานเป็นไปด้วยความเรียบร้อย โปร่งใส และตรวจสอบได้ตามหลักธรรมาภิบาล\n\n"
    "ผู้สนใจสามารถติดต่อสอบถามรายละเอียดเพิ่มเติมได้ในวันและเวลาราชการ "
    "ตั้งแต่เวลา 08.30 น. ถึง 16.30 น. หรือทางโทรศัพท์ตามที่อยู่ด้านล่างของเว็บไซต์\n\n"
    "ทั้งนี้ ข้อมูลข่าวสารนี้เผยแพร่ตามประกาศเทศบาล เรื่อง มาตรการการเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ "
    "ซึ่งผ่านการตรวจสอบและอนุมัติจากหัวหน้าหน่วยงานแล้ว")


def call(base, user, method, path, body=None):
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Authorization", "Basic " + base64.b64encode(f"{user}:demo".encode()).decode())
    request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=60) as response:
        text = response.read().decode("utf-8")
        return json.loads(text) if text else None


def poster_png(width=480, height=270):
    """A plain PNG poster, made without an imaging library."""
    rows = b"".join(
        b"\x00" + bytes(c for x in range(width)
                        for c in (30 + (x * 200) // width, 90 + (y * 100) // height, 160))
        for y in range(height))

    def chunk(kind, payload):
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(
            ">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9))
            + chunk(b"IEND", b""))


def variable(value, kind="String"):
    return {"value": value, "type": kind}


def task_of(base, user, instance, key):
    tasks = call(base, user, "GET", f"/engine-rest/task?processInstanceId={instance}&taskDefinitionKey={key}")
    return tasks[0]["id"]


def walk(base, n, count):
    unit = UNITS[n % len(UNITS)]
    category = CATEGORIES[n % len(CATEGORIES)]
    title = f"ประกาศเทศบาล ฉบับที่ {n} เรื่องข้อมูลข่าวสารหมวด {category}"
    variables = {
        "unit": variable(unit),
        "title": variable(title),
        "details": variable(DETAILS.format(title=title)),
        "category": variable(category),
        "oitItem": variable(f"O{1 + n % 43}"),
        "externalUrl": variable(f"https://www.example.go.th/news/{n}"),
        "urgent": variable(False, "Boolean"),
    }
    if n == count:
        variables["attachment1"] = {
            "type": "File",
            "value": base64.b64encode(poster_png()).decode(),
            "valueInfo": {"filename": "poster.png", "mimetype": "image/png"},
        }
    reporter, head = f"reporter.{unit}", f"head.{unit}"
    started = call(base, reporter, "POST", "/engine-rest/process-definition/key/publicationRequest/start",
                   {"variables": variables})
    instance = started["id"]
    call(base, reporter, "POST", f"/engine-rest/task/{task_of(base, reporter, instance, 'prepareRequest')}/complete",
         {"variables": {"reporterConfirmed": variable(True, "Boolean")}})
    call(base, head, "POST", f"/engine-rest/task/{task_of(base, head, instance, 'approveRequest')}/complete",
         {"variables": {"headDecision": variable("approve")}})
    call(base, "webmaster", "POST",
         f"/engine-rest/task/{task_of(base, 'webmaster', instance, 'publishRequest')}/complete",
         {"variables": {"webmasterDecision": variable("publish")}})
    history = call(base, "webmaster", "GET", f"/engine-rest/history/process-instance/{instance}")
    return history["businessKey"]


def main():
    base = sys.argv[1].rstrip("/")
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    keys = [walk(base, n, count) for n in range(1, count + 1)]
    deadline = time.time() + 180
    while time.time() < deadline:
        published = {item["businessKey"] for item in call(base, "webmaster", "GET", "/api/published")}
        if set(keys) <= published:
            print(keys[-1])
            return
        time.sleep(1)
    sys.exit(f"Only {len(published)} of {count} items were published within 180 s")


if __name__ == "__main__":
    main()
