#!/usr/bin/env python3
"""Prints the claims about one provider as they arrive on the newsclaims claims topic.

    python3 claims_for_provider.py PROVIDER [--bootstrap-servers HOST:PORT] [--topic TOPIC] [--group GROUP]

Needs confluent-kafka; on Debian: apt-get install python3-confluent-kafka (1.7.0 is enough).
Settings as docs/schema.md recommends: isolation.level=read_committed, a new group starts from the
oldest retained claim. Claims are JSON (schema: records/src/main/resources/newsclaims/schemas/);
fields this script does not know, from a newer schema version, are ignored. Ctrl-C stops it.
"""
import argparse
import json
import os
import sys

try:
    from confluent_kafka import Consumer, KafkaException
except ImportError:
    sys.exit("claims_for_provider.py needs confluent-kafka: on Debian, apt-get install python3-confluent-kafka, "
             "then run it with the system Python (/usr/bin/python3)")

CLAIMS_TOPIC = "newsclaims.claims.v1"
KNOWN_VERSION = 2  # the Claim schema version this script was written for


def parse_args(argv):
    p = argparse.ArgumentParser(description="Print the claims about one provider as they arrive.")
    p.add_argument("provider", help="provider id: alibaba-cloud, aws, microsoft-azure, ...")
    p.add_argument("--bootstrap-servers",
                   default=os.environ.get("NEWSCLAIMS_BOOTSTRAP_SERVERS", "127.0.0.1:9092"))
    p.add_argument("--topic", default=CLAIMS_TOPIC)
    p.add_argument("--group", help="consumer group (default claims-for-PROVIDER-py)")
    return p.parse_args(argv)


def schema_version(msg):
    """The schemaVersion header (newsclaims adds it to every record), or None."""
    for name, value in msg.headers() or []:
        if name == "schemaVersion" and value is not None:
            return int(value.decode("utf-8"))
    return None


def line(claim):
    def dash(v):
        return "-" if v is None else str(v)
    confidence = claim.get("confidence")
    return "\t".join([claim["metric"], claim["value"]["text"], dash(claim.get("period")),
                      dash(claim.get("attribution")),
                      "-" if confidence is None else "%.2f" % confidence, claim["articleUrl"]])


def main(argv):
    args = parse_args(argv)
    consumer = Consumer({
        "bootstrap.servers": args.bootstrap_servers,
        "group.id": args.group or "claims-for-%s-py" % args.provider,
        "isolation.level": "read_committed",
        "auto.offset.reset": "earliest",
    })
    consumer.subscribe([args.topic])
    print("claims about %s from %s on %s (Ctrl-C stops)" % (args.provider, args.topic, args.bootstrap_servers),
          file=sys.stderr, flush=True)
    warned = False
    try:
        while True:
            msg = consumer.poll(0.5)
            if msg is None:
                continue
            if msg.error():
                if msg.error().fatal():
                    raise KafkaException(msg.error())
                print("kafka: %s" % msg.error(), file=sys.stderr)
                continue
            if msg.value() is None:  # a tombstone: the claim with this key (id) was withdrawn
                continue
            version = schema_version(msg)
            if version is not None and version > KNOWN_VERSION and not warned:
                print("claims of schema version %d: fields newer than version %d are ignored" % (version, KNOWN_VERSION),
                      file=sys.stderr)
                warned = True
            claim = json.loads(msg.value())
            if claim.get("provider") == args.provider:
                print(line(claim), flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        consumer.close()


if __name__ == "__main__":
    main(sys.argv[1:])
