#!/usr/bin/env bash
# Tabiji's topics on a production Kafka cluster (3 brokers). BOOTSTRAP=host:9092 ./topics.sh
# tabiji.events is keyed by device pseudonym: partitions bound the job's source parallelism; more can be added
# later (a device's events then move partition once, which the job's watermarking tolerates).
set -euo pipefail
B="${BOOTSTRAP:?set BOOTSTRAP=host:port}"
create() { kafka-topics.sh --bootstrap-server "$B" --create --if-not-exists --replication-factor 3 "$@"; }
create --topic tabiji.events --partitions 12 \
  --config min.insync.replicas=2 --config retention.ms=1209600000 --config compression.type=producer
create --topic tabiji.dlq --partitions 1 --config min.insync.replicas=2 --config retention.ms=7776000000
create --topic tabiji.late --partitions 1 --config min.insync.replicas=2 --config retention.ms=7776000000
# hotspot alerts (JSON, one record per opening or clearing): read by operations' tools
create --topic tabiji.alerts --partitions 1 --config min.insync.replicas=2 --config retention.ms=31536000000
# where file and RADIUS sources stand, written in the same transaction as their events: never delete
create --topic tabiji.ingest.offsets --partitions 1 --config min.insync.replicas=2 --config cleanup.policy=compact
# transactions (file sources, the job's exactly-once paths) need, in server.properties:
#   transaction.state.log.replication.factor=3  transaction.state.log.min.isr=2
