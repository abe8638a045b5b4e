#!/usr/bin/env python3
"""Vendors the CRD schemas deploy/'s test validates the rendered manifests against.

Reads each operator's CRDs at a release tag from a local git mirror of its repository, keeps the
openAPIV3Schema of every served version without its descriptions (they are most of the bytes and
no part of the check), and writes one JSON file per group, version and kind under
deploy/src/test/resources/crd-schemas/, with SOURCES.json naming repository, tag, commit and path.

usage: deploy/crds/vendor.py <directory holding the mirrors as owner+name/repo>
"""
import json, os, subprocess, sys
import yaml

SOURCES = [
    ("strimzi/strimzi-kafka-operator", "1.2.0", [
        "packaging/install/cluster-operator/040-Crd-kafka.yaml",
        "packaging/install/cluster-operator/043-Crd-kafkatopic.yaml",
        "packaging/install/cluster-operator/044-Crd-kafkauser.yaml",
        "packaging/install/cluster-operator/045-Crd-kafkanodepool.yaml"]),
    ("cloudnative-pg/cloudnative-pg", "v1.30.0", [
        "config/crd/bases/postgresql.cnpg.io_clusters.yaml",
        "config/crd/bases/postgresql.cnpg.io_poolers.yaml",
        "config/crd/bases/postgresql.cnpg.io_scheduledbackups.yaml"]),
    ("cloudnative-pg/plugin-barman-cloud", "v0.14.0", [
        "config/crd/bases/barmancloud.cnpg.io_objectstores.yaml"]),
    ("kedacore/keda", "v2.20.2", [
        "config/crd/bases/keda.sh_scaledobjects.yaml",
        "config/crd/bases/keda.sh_triggerauthentications.yaml"]),
    ("prometheus-operator/prometheus-operator", "v0.93.0", [
        "example/prometheus-operator-crd/monitoring.coreos.com_podmonitors.yaml",
        "example/prometheus-operator-crd/monitoring.coreos.com_prometheusrules.yaml"]),
]
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "crd-schemas")


def strip(node):
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k != "description"}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True, text=True).stdout


def main(mirrors):
    sources = []
    for name, tag, paths in SOURCES:
        repo = os.path.join(mirrors, name.replace("/", "+"), "repo")
        commit = git(repo, "rev-list", "-n", "1", tag).strip()
        for path in paths:
            crd = yaml.safe_load(git(repo, "show", f"{tag}:{path}"))
            group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
            for version in crd["spec"]["versions"]:
                if not version.get("served", True):
                    continue
                target = os.path.join(OUT, group, f"{kind}-{version['name']}.json")
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(target, "w") as out:
                    json.dump(strip(version["schema"]["openAPIV3Schema"]), out, separators=(",", ":"), sort_keys=True)
                sources.append({"group": group, "version": version["name"], "kind": kind,
                                "repository": name, "tag": tag, "commit": commit, "path": path})
        if name == "strimzi/strimzi-kafka-operator":
            versions = yaml.safe_load(git(repo, "show", f"{tag}:kafka-versions.yaml"))
            with open(os.path.join(OUT, "kafka.strimzi.io", "supported-kafka-versions.json"), "w") as out:
                json.dump({"strimzi": tag, "commit": commit,
                           "supported": [v["version"] for v in versions if v.get("supported")]}, out, indent=1)
    with open(os.path.join(OUT, "SOURCES.json"), "w") as out:
        json.dump(sources, out, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
