#!/bin/sh
# Entry point: serve /www on :8080 with busybox httpd, or fail on purpose when
# APP_MODE=crash (the e2e workflow's broken build, to prove the rollback).
set -eu
if [ "${APP_MODE:-serve}" = crash ]; then
  echo "demo-app ${APP_VERSION:-dev}: APP_MODE=crash, exiting 1 on purpose" >&2
  exit 1
fi
echo "demo-app ${APP_VERSION:-dev}: serving /www on :8080"
exec httpd -f -v -p 8080 -h /www
