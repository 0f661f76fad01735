#!/usr/bin/env python3
"""kep-desk's MSI (installer/windows), built on Linux by `cpack -G External` + wixl from a
stand-in payload, and checked two ways:

  tables     the MSI's tables as `msiinfo export` shows them, and its layout by `msiextract`;
  lifecycle  install, upgrade, refused downgrade and uninstall under wine64 (Windows itself
             cannot run here: wine's msiexec is the stand-in, see docs/windows-build.md for
             what only Windows can check).

Run by ctest with the build folder as the working area: nothing is written outside it.
usage: test_msi.py tables|lifecycle
"""
import os
import shutil
import subprocess
import sys
import unittest
from pathlib import Path

BUILD = Path(os.environ["KEP_BINARY_DIR"])
CPACK = os.environ.get("KEP_CPACK", "cpack")
CONFIG = BUILD / "CPackMsiConfig.cmake"
WORK = BUILD / "installer-tests"
UPGRADE_CODE = "{6A0E3E52-9C3B-4E55-8D8E-4B6F5C1A7D21}"
POLICY_KEY = r"Software\Policies\KEP\kep-desk"
# What a staged Windows build holds, in miniature: the program, a Qt library, a plugin in its
# folder and a translation.
PAYLOAD = ["kep-desk.exe", "Qt6Core.dll", "platforms/qwindows.dll", "translations/kep_el.qm"]


def build_msi(version: str) -> Path:
    """Stages a payload whose kep-desk.exe names `version` and packages it with cpack."""
    payload = WORK / f"payload-{version}"
    shutil.rmtree(payload, ignore_errors=True)
    for name in PAYLOAD:
        path = payload / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"stand-in {name} {version}\n")
    out = WORK / f"out-{version}"
    shutil.rmtree(out, ignore_errors=True)
    env = dict(os.environ, KEP_MSI_PAYLOAD=str(payload), KEP_MSI_VERSION=version)
    run = subprocess.run([CPACK, "--config", str(CONFIG), "-B", str(out)], env=env,
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise AssertionError(f"cpack failed:\n{run.stdout}\n{run.stderr}")
    msi = out / f"kep-desk-{version}-x64.msi"
    if not msi.is_file():
        raise AssertionError(f"cpack wrote no {msi.name}:\n{run.stdout}")
    return msi


def table(msi: Path, name: str) -> list[list[str]]:
    """The rows of one table (msiinfo export: three header lines, then tab-separated rows)."""
    text = subprocess.run(["msiinfo", "export", str(msi), name], check=True,
                          capture_output=True, text=True).stdout
    return [line.split("\t") for line in text.splitlines()[3:] if line]


class MsiTables(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        WORK.mkdir(parents=True, exist_ok=True)
        cls.msi = build_msi("1.4.2")

    def test_properties_fix_the_upgrade_code_and_install_per_machine(self):
        properties = {row[0]: row[1] for row in table(self.msi, "Property")}
        self.assertEqual(properties["UpgradeCode"], UPGRADE_CODE)
        self.assertEqual(properties["ProductVersion"], "1.4.2")
        self.assertEqual(properties["ALLUSERS"], "1")
        self.assertEqual(properties["ProductName"], "KEP Desk")

    def test_upgrade_replaces_older_and_detects_newer(self):
        rows = table(self.msi, "Upgrade")
        self.assertTrue(all(row[0] == UPGRADE_CODE for row in rows), rows)
        actions = {row[6]: row for row in rows}
        older = actions["WIX_UPGRADE_DETECTED"]
        self.assertEqual((older[1], older[2]), ("", "1.4.2"))  # up to this version
        newer = actions["WIX_DOWNGRADE_DETECTED"]
        self.assertEqual(newer[1], "1.4.2")
        self.assertTrue(int(newer[4]) & 2, "a newer version is only detected, never removed")
        conditions = {row[0]: row[1] for row in table(self.msi, "LaunchCondition")}
        self.assertIn("NOT WIX_DOWNGRADE_DETECTED", conditions)
        sequence = {row[0]: int(row[2]) for row in table(self.msi, "InstallExecuteSequence")}
        self.assertIn("RemoveExistingProducts", sequence)

    def test_every_payload_file_is_a_64_bit_component(self):
        files = {row[2].split("|")[-1]: row[1] for row in table(self.msi, "File")}
        self.assertEqual(set(files), {Path(name).name for name in PAYLOAD})
        components = {row[0]: row for row in table(self.msi, "Component")}
        for name, component in files.items():
            self.assertTrue(int(components[component][3]) & 256, f"{name} is not 64-bit")
            self.assertRegex(components[component][1], r"^\{[0-9A-F-]{36}\}$")

    def test_component_guids_are_stable_across_builds(self):
        again = build_msi("1.4.3")
        first = {row[0]: row[1] for row in table(self.msi, "Component")}
        second = {row[0]: row[1] for row in table(again, "Component")}
        self.assertEqual(first, second)

    def test_server_url_and_office_code_go_to_the_machine_policy(self):
        values = {row[3]: row for row in table(self.msi, "Registry")}
        for name, prop in (("ServerUrl", "[SERVERURL]"), ("OfficeCode", "[OFFICECODE]")):
            self.assertEqual(values[name][1], "2", "HKEY_LOCAL_MACHINE")
            self.assertEqual(values[name][2], POLICY_KEY)
            self.assertEqual(values[name][4], prop)
        # Kept across upgrades: read back from the policy before the command line is applied.
        locators = {row[0]: row for row in table(self.msi, "RegLocator")}
        searches = {row[0]: row[1] for row in table(self.msi, "AppSearch")}
        for prop, name in (("SERVERURL", "ServerUrl"), ("OFFICECODE", "OfficeCode")):
            locator = locators[searches[prop]]
            self.assertEqual((locator[1], locator[2], locator[3]), ("2", POLICY_KEY, name))
            self.assertTrue(int(locator[4]) & 16, "the 64-bit registry view")

    def test_start_menu_shortcut_starts_the_desk(self):
        shortcuts = table(self.msi, "Shortcut")
        self.assertEqual(len(shortcuts), 1)
        self.assertEqual(shortcuts[0][2], "KEP Desk")
        self.assertEqual(shortcuts[0][4], "[INSTALLDIR]kep-desk.exe")
        directories = {row[0]: row for row in table(self.msi, "Directory")}
        self.assertEqual(directories[shortcuts[0][1]][1], "ProgramMenuFolder")

    def test_layout_under_program_files(self):
        target = WORK / "extracted"
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir()
        subprocess.run(["msiextract", "-C", str(target), str(self.msi)], check=True,
                       capture_output=True)
        found = sorted(str(p.relative_to(target)) for p in target.rglob("*") if p.is_file())
        self.assertEqual(found, sorted(f"KEP/kep-desk/{name}" for name in PAYLOAD))
        self.assertEqual((target / "KEP/kep-desk/kep-desk.exe").read_text(),
                         "stand-in kep-desk.exe 1.4.2\n")


class MsiLifecycle(unittest.TestCase):
    """msiexec under wine64: the registry and files an install, upgrade and uninstall leave."""

    @classmethod
    def setUpClass(cls):
        if shutil.which("wine") is None:
            raise AssertionError("wine is missing (scripts/install-deps installs wine64)")
        WORK.mkdir(parents=True, exist_ok=True)
        cls.prefix = WORK / "wineprefix"
        shutil.rmtree(cls.prefix, ignore_errors=True)
        # No network to fetch Mono or Gecko: wine must not try.
        cls.env = dict(os.environ, WINEPREFIX=str(cls.prefix), WINEDEBUG="-all",
                       WINEDLLOVERRIDES="mscoree,mshtml=", DISPLAY="")
        subprocess.run(["wineboot", "--init"], env=cls.env, check=True, capture_output=True,
                       timeout=300)
        cls.old, cls.new, cls.older = build_msi("1.0.0"), build_msi("1.1.0"), build_msi("0.9.0")
        cls.program = cls.prefix / "drive_c/Program Files/KEP/kep-desk"

    def msiexec(self, *arguments) -> int:
        return subprocess.run(["wine", "msiexec", *arguments, "/qn"], env=self.env,
                              capture_output=True, timeout=300).returncode

    def policy(self) -> dict[str, str]:
        run = subprocess.run(["wine", "reg", "query", "HKLM\\" + POLICY_KEY, "/reg:64"],
                             env=self.env, capture_output=True, text=True, timeout=120)
        values = {}
        for line in run.stdout.replace("\r", "").splitlines():
            parts = line.split()
            if len(parts) == 3 and parts[1] == "REG_SZ":
                values[parts[0]] = parts[2]
        return values

    def installed_versions(self) -> list[str]:
        run = subprocess.run(["wine", "reg", "query",
                              r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall", "/s"],
                             env=self.env, capture_output=True, text=True, timeout=120)
        versions, name = [], None
        for line in run.stdout.replace("\r", "").splitlines():
            parts = line.split(None, 2)
            if len(parts) == 3 and parts[0] == "DisplayName":
                name = parts[2]
            elif len(parts) == 3 and parts[0] == "DisplayVersion" and name == "KEP Desk":
                versions.append(parts[2])
        return versions

    def shortcut_exists(self) -> bool:
        return any(self.prefix.rglob("Start Menu/Programs/KEP/KEP Desk.lnk"))

    def test_install_upgrade_refused_downgrade_uninstall(self):
        # Install, silently, with the two properties IT gives.
        self.assertEqual(self.msiexec("/i", str(self.old), "SERVERURL=https://kep.test:8443",
                                      "OFFICECODE=0101"), 0)
        self.assertEqual(self.policy(),
                         {"ServerUrl": "https://kep.test:8443", "OfficeCode": "0101"})
        self.assertEqual((self.program / "kep-desk.exe").read_text(),
                         "stand-in kep-desk.exe 1.0.0\n")
        self.assertTrue((self.program / "platforms/qwindows.dll").is_file())
        self.assertTrue(self.shortcut_exists())
        self.assertEqual(self.installed_versions(), ["1.0.0"])

        # Upgrade without the properties: the installed values are kept, the files replaced,
        # and only the new version is registered.
        self.assertEqual(self.msiexec("/i", str(self.new)), 0)
        self.assertEqual(self.policy(),
                         {"ServerUrl": "https://kep.test:8443", "OfficeCode": "0101"})
        self.assertEqual((self.program / "kep-desk.exe").read_text(),
                         "stand-in kep-desk.exe 1.1.0\n")
        self.assertEqual(self.installed_versions(), ["1.1.0"])

        # A downgrade is refused (1603, which wine reports modulo 256) and changes nothing.
        self.assertNotEqual(self.msiexec("/i", str(self.older)), 0)
        self.assertEqual(self.installed_versions(), ["1.1.0"])
        self.assertEqual((self.program / "kep-desk.exe").read_text(),
                         "stand-in kep-desk.exe 1.1.0\n")

        # Given again on the command line, new values replace the remembered ones.
        self.assertEqual(self.msiexec("/i", str(self.new), "SERVERURL=https://kep2.test",
                                      "OFFICECODE=0202", "REINSTALL=ALL",
                                      "REINSTALLMODE=vomus"), 0)
        self.assertEqual(self.policy(), {"ServerUrl": "https://kep2.test", "OfficeCode": "0202"})

        # Uninstall removes the files, the policy values, the shortcut and the registration.
        self.assertEqual(self.msiexec("/x", str(self.new)), 0)
        self.assertFalse((self.program / "kep-desk.exe").exists())
        self.assertEqual(self.policy(), {})
        self.assertFalse(self.shortcut_exists())
        self.assertEqual(self.installed_versions(), [])


if __name__ == "__main__":
    which = sys.argv.pop(1) if len(sys.argv) > 1 else ""
    suites = {"tables": MsiTables, "lifecycle": MsiLifecycle}
    if which not in suites:
        sys.exit("usage: test_msi.py tables|lifecycle")
    result = unittest.TextTestRunner(verbosity=2).run(
        unittest.defaultTestLoader.loadTestsFromTestCase(suites[which]))
    sys.exit(0 if result.wasSuccessful() else 1)
