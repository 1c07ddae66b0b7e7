"""Every package is found, never listed: all of dlab/ (so a new topic's engines/<topic>/
is packaged without anyone remembering it), plus the shipped files in resources/ as the
package dlab.resources. Everything else is in pyproject.toml; its packages.find cannot
map a folder outside dlab/ to a package inside it."""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["dlab", "dlab.*"]), "dlab.resources"])
