#!/usr/bin/env python3
# Tests of tests/bench/run against fake benchmarks: its exit status is what CI and the bench_smoke
# test rely on, so each way a benchmark can pass, miss or break is pinned down here.
import os
import pathlib
import subprocess
import sys
import tempfile
import unittest

RUN = pathlib.Path(__file__).resolve().parent / "run"

FAST = 'printf "ROW\\tfake.lookup\\t10\\tus\\t<\\t50\\n"'
SLOW = 'printf "ROW\\tfake.lookup\\t90\\tus\\t<\\t50\\n"'


class RunnerTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.build = pathlib.Path(self.tmp.name)
        self.bench = self.build / "bin" / "bench"
        self.bench.mkdir(parents=True)

    def tearDown(self):
        self.tmp.cleanup()

    def fake(self, name, body):
        path = self.bench / name
        path.write_text("#!/bin/sh\n" + body + "\n")
        path.chmod(0o755)

    def run_runner(self, *flags):
        done = subprocess.run([sys.executable, str(RUN), "--build", str(self.build), *flags],
                              capture_output=True, text=True, timeout=60)
        return done.returncode, done.stdout

    def test_passing_rows_exit_zero_in_every_mode(self):
        self.fake("bench_ok", FAST)
        for flags in ([], ["--quick"], ["--smoke"]):
            code, out = self.run_runner(*flags)
            self.assertEqual(code, 0, out)
            self.assertRegex(out, r"fake\.lookup +\| +10 us +\| < 50 +\| PASS")

    def test_mode_flag_is_passed_to_the_bench(self):
        self.fake("bench_args", 'printf "ROW\\tfake.args.$1\\t1\\tx\\t>\\t0\\n"')
        self.assertIn("fake.args.--quick", self.run_runner("--quick")[1])
        self.assertIn("fake.args.--smoke", self.run_runner("--smoke")[1])

    def test_missed_target_fails_except_in_smoke(self):
        self.fake("bench_slow", SLOW)
        code, out = self.run_runner("--quick")
        self.assertEqual(code, 1)
        self.assertRegex(out, r"fake\.lookup .*\| FAIL")
        code, out = self.run_runner("--smoke")
        self.assertEqual(code, 0, out)
        self.assertIn("FAIL (not enforced)", out)

    def test_inclusive_limits_pass_at_the_limit_and_fail_beyond(self):
        self.fake("bench_limit", 'printf "ROW\\tfake.keys\\t40\\tkeys\\t<=\\t40\\n'
                                 'ROW\\tfake.rate\\t7\\tops\\t>=\\t7\\n"')
        code, out = self.run_runner("--quick")
        self.assertEqual(code, 0, out)
        self.assertRegex(out, r"fake\.keys +\| +40 keys +\| <= 40 +\| PASS")
        self.fake("bench_limit", 'printf "ROW\\tfake.keys\\t41\\tkeys\\t<=\\t40\\n"')
        code, out = self.run_runner("--quick")
        self.assertEqual(code, 1, out)
        self.assertRegex(out, r"fake\.keys .*\| FAIL")

    def test_broken_benches_fail_even_in_smoke(self):
        cases = {
            "crash": FAST + "\nkill -SEGV $$",
            "status": FAST + "\nexit 3",
            "no rows": "echo nothing measured",
            "malformed": 'printf "ROW\\tfake.bad\\tabc\\tus\\t<\\t50\\n"',
            "bad op": 'printf "ROW\\tfake.bad\\t1\\tus\\t=\\t50\\n"',
        }
        for case, body in cases.items():
            with self.subTest(case):
                for old in self.bench.glob("bench_*"):
                    old.unlink()
                self.fake("bench_broken", body)
                code, out = self.run_runner("--smoke")
                self.assertEqual(code, 1, out)
                self.assertIn("BROKEN bench_broken", out)

    def test_declared_but_not_built_is_broken(self):
        self.fake("bench_ok", FAST)
        (self.bench / "benches.txt").write_text("bench_ok\nbench_gone\n")
        code, out = self.run_runner("--smoke")
        self.assertEqual(code, 1, out)
        self.assertIn("BROKEN bench_gone: declared with kep_add_bench() but not built", out)

    def test_no_benchmarks_is_an_error(self):
        code, _ = self.run_runner("--smoke")
        self.assertEqual(code, 1)


if __name__ == "__main__":
    unittest.main()
