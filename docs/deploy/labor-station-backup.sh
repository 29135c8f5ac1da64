#!/bin/sh
# Nightly pg_dump of the channel server's database, kept 30 days (see 用户指南 第 16 节).
# Run by labor-station-backup.timer as the postgres user (or any role that can read it).
set -eu
DB="${LABOR_STATION_DB_NAME:-labor_station}"
DIR="${LABOR_STATION_BACKUP_DIR:-/var/backups/labor-station}"
KEEP_DAYS="${LABOR_STATION_BACKUP_DAYS:-30}"
mkdir -p "$DIR"
STAMP=$(date +%Y%m%d-%H%M%S)
# Written under a temporary name and renamed: a half-written dump never looks complete.
pg_dump --format=custom --file "$DIR/.$DB-$STAMP.dump.part" "$DB"
mv "$DIR/.$DB-$STAMP.dump.part" "$DIR/$DB-$STAMP.dump"
find "$DIR" -name "$DB-*.dump" -mtime +"$KEEP_DAYS" -delete
