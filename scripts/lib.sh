# Shared by the Quick start scripts: install what the build needs from Debian's packages when it
# is missing, then configure and build the Release preset. Source it; do not run it.

# The Debian packages the project builds, tests and documents with.
DLC_PACKAGES=(
  cmake g++ make clang-format
  libopenblas-dev   # BLAS: every matrix product
  catch2            # the tests (Catch2 v2)
  libbenchmark-dev  # the benchmarks
  libhdf5-dev       # the course's .h5 files
  zlib1g-dev        # gzipped IDX files
  libmatio-dev      # MATLAB's .mat files (the regularization lesson's data)
  libpugixml-dev    # the grader reads Catch2's XML reports
  nlohmann-json3-dev  # the JSON the tools write
  bubblewrap        # the grader runs a submission's code in a sandbox (bwrap)
  doxygen           # the docs
  libjs-mathjax     # formulas in the docs, offline
  gnuplot-nox       # the pictures of dlc run and of the docs (PNG, pngcairo terminal)
  fonts-dejavu-core # the text in those pictures
  dataset-fashion-mnist  # the real image data set
  parallel          # GNU parallel: dlc tune's trials over cores and machines
)

dlc_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

dlc_ensure_packages() {
  local missing=() pkg
  for pkg in "${DLC_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$pkg")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  echo "Installing from Debian's packages: ${missing[*]}"
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null; then
      sudo=(sudo)
    else
      echo "error: these packages are missing and this user cannot install them:" >&2
      echo "  apt-get install -y ${missing[*]}" >&2
      return 1
    fi
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
}

dlc_build() {
  cd "$dlc_root"
  cmake --preset release
  cmake --build --preset release "$@"
}
