#!/usr/bin/env python3
"""The .deb packages of kep-desk and kep-server (packaging/), made by CPack from this build and
checked as IT will meet them: the control fields (dpkg-deb -I), the files and where they land
(dpkg-deb -c), the maintainer scripts and conffiles, and lintian with no error or warning.

Run by ctest after the release build; writes only into <build>/packaging-tests.
"""
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
import unittest
from pathlib import Path

BUILD = Path(os.environ["KEP_BINARY_DIR"])
SOURCE = Path(os.environ["KEP_SOURCE_DIR"])
VERSION = os.environ["KEP_VERSION"]
CPACK = os.environ.get("KEP_CPACK", "cpack")
OUT = BUILD / "packaging-tests"


def dpkg_deb(*arguments: str) -> str:
    return subprocess.run(["dpkg-deb", *arguments], check=True, capture_output=True,
                          text=True).stdout


def field(deb: Path, name: str) -> str:
    return dpkg_deb("-f", str(deb), name).strip()


def contents(deb: Path) -> dict[str, str]:
    """Path → mode string ("-rwxr-xr-x") of every entry of the data archive."""
    entries = {}
    for line in dpkg_deb("-c", str(deb)).splitlines():
        parts = line.split()
        entries[parts[5].removeprefix(".")] = parts[0]
    return entries


def control_file(deb: Path, name: str) -> str:
    with tempfile.TemporaryDirectory(dir=OUT) as folder:
        subprocess.run(["dpkg-deb", "-e", str(deb), folder], check=True)
        return (Path(folder) / name).read_text()


class DebPackages(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        shutil.rmtree(OUT, ignore_errors=True)
        OUT.mkdir(parents=True)
        run = subprocess.run([CPACK, "-G", "DEB", "-B", str(OUT)], cwd=BUILD,
                             capture_output=True, text=True)
        if run.returncode != 0:
            raise AssertionError(f"cpack -G DEB failed:\n{run.stdout}\n{run.stderr}")
        cls.desk = OUT / f"kep-desk_{VERSION}_amd64.deb"
        cls.server = OUT / f"kep-server_{VERSION}_amd64.deb"
        for deb in (cls.desk, cls.server):
            if not deb.is_file():
                raise AssertionError(f"cpack made no {deb.name}:\n{run.stdout}")

    def test_control_fields(self):
        for deb, package, section in ((self.desk, "kep-desk", "misc"),
                                      (self.server, "kep-server", "net")):
            with self.subTest(package=package):
                self.assertEqual(field(deb, "Package"), package)
                self.assertEqual(field(deb, "Version"), VERSION)
                self.assertEqual(field(deb, "Architecture"), "amd64")
                self.assertEqual(field(deb, "Section"), section)
                self.assertEqual(field(deb, "Priority"), "optional")
                self.assertRegex(field(deb, "Maintainer"), r"^.+ <[^@\s]+@[^@\s]+>$")
                self.assertIn("Citizens' Service Centres (KEP)", field(deb, "Description"))

    def test_dependencies_come_from_the_linked_libraries(self):
        # shlibdeps: the libraries the programs link; and what they load at run time.
        names = lambda deb: {re.split(r"[\s(]", d.strip())[0]
                             for d in field(deb, "Depends").split(",")}
        desk = names(self.desk)
        for needed in ("libc6", "libqt6core6", "libqt6widgets6", "libqt6printsupport6",
                       "libssl3", "libsqlite3-0", "qt6-qpa-plugins", "fonts-dejavu-core",
                       "adduser"):
            self.assertIn(needed, desk)
        server = names(self.server)
        for needed in ("libc6", "libssl3", "libsqlite3-0", "libboost-json1.81.0", "adduser"):
            self.assertIn(needed, server)
        self.assertFalse(any(name.startswith("libqt6") for name in server),
                         "kep-server must not pull in Qt")

    def test_desk_files(self):
        files = contents(self.desk)
        self.assertEqual(files["/usr/bin/kep-desk"], "-rwxr-xr-x")
        for path in ("/usr/share/applications/kep-desk.desktop",
                     "/usr/share/icons/hicolor/scalable/apps/kep-desk.svg",
                     "/etc/xdg/KEP/kep-desk.conf", "/usr/share/doc/kep-desk/copyright",
                     "/usr/share/doc/kep-desk/changelog.gz",
                     "/usr/share/man/man1/kep-desk.1.gz"):
            self.assertEqual(files.get(path), "-rw-r--r--", path)
        self.assertEqual(control_file(self.desk, "conffiles").split(),
                         ["/etc/xdg/KEP/kep-desk.conf"])
        postinst = control_file(self.desk, "postinst")
        self.assertIn("addgroup --system kep-desk", postinst)
        self.assertIn("chmod 2770 /var/lib/kep-desk", postinst)

    def test_server_files(self):
        files = contents(self.server)
        self.assertEqual(files["/usr/bin/kep-server"], "-rwxr-xr-x")
        for path in ("/lib/systemd/system/kep-server.service", "/etc/kep-server/kep-server.conf",
                     "/usr/share/doc/kep-server/copyright", "/usr/share/doc/kep-server/changelog.gz",
                     "/usr/share/doc/kep-server/operations.md",
                     "/usr/share/man/man1/kep-server.1.gz",
                     "/usr/share/kep/catalogue/el/900001.json",
                     "/usr/share/kep/catalogue/en/900001.json"):
            self.assertEqual(files.get(path), "-rw-r--r--", path)
        self.assertEqual(control_file(self.server, "conffiles").split(),
                         ["/etc/kep-server/kep-server.conf"])
        postinst = control_file(self.server, "postinst")
        self.assertIn("adduser --system --group --home /var/lib/kep-server", postinst)
        self.assertIn("chmod 0700 /var/lib/kep-server", postinst)
        # The unit shipped is the one in the tree (its hardening is tested there).
        with tempfile.TemporaryDirectory(dir=OUT) as folder:
            subprocess.run(["dpkg-deb", "-x", str(self.server), folder], check=True)
            shipped = Path(folder, "lib/systemd/system/kep-server.service").read_text()
            sample = Path(folder, "etc/kep-server/kep-server.conf").read_text()
        self.assertEqual(shipped,
                         (SOURCE / "packaging/systemd/kep-server.service").read_text())
        self.assertEqual(sample, (SOURCE / "packaging/kep-server.conf").read_text())

    def test_programs_are_stripped_and_have_no_rpath(self):
        with tempfile.TemporaryDirectory(dir=OUT) as folder:
            for deb, program in ((self.desk, "kep-desk"), (self.server, "kep-server")):
                subprocess.run(["dpkg-deb", "-x", str(deb), folder], check=True)
                path = Path(folder, "usr/bin", program)
                self.assertIn(", stripped", subprocess.run(["file", str(path)], check=True,
                              capture_output=True, text=True).stdout)
                dynamic = subprocess.run(["readelf", "-d", str(path)], check=True,
                                         capture_output=True, text=True).stdout
                self.assertNotRegex(dynamic, r"R(UN)?PATH")

    def test_lintian_finds_nothing(self):
        if shutil.which("lintian") is None:
            raise AssertionError("lintian is missing (scripts/install-deps installs it)")
        run = subprocess.run(["lintian", "--tag-display-limit", "0", str(self.desk),
                              str(self.server)], capture_output=True, text=True)
        findings = [line for line in (run.stdout + run.stderr).splitlines()
                    if re.match(r"^[EW]: ", line)]
        self.assertEqual(findings, [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
