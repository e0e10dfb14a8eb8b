// write_gradescope_package(): the course tree and two scripts, zipped for Gradescope.

#include "apps/grader/gradescope.hpp"

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "apps/grader/catch_report.hpp"
#include "apps/grader/grader.hpp"
#include "apps/grader/internal.hpp"
#include "apps/grader/release.hpp"
#include "common/files.hpp"
#include "common/process.hpp"

namespace dlc::grader {

namespace fs = std::filesystem;

namespace {

/// The scripts of the package, in the tree; each goes to the zip's root.
const char* const kScripts[] = {"setup.sh", "run_autograder"};
constexpr const char* kScriptDir = "scripts/gradescope";

/// True for what the package leaves out of the tree: version control, build folders (and what
/// .gitignore names: /build/, /out/, /.cache/, compile_commands.json), editors' and temporary
/// files, the pictures the programs draw.
bool left_out(const fs::path& path, bool directory, bool top) {
  const std::string name = path.filename().string();
  if (name == ".git" || name == ".hg" || name == ".svn") return true;
  if (directory) {
    std::error_code ec;
    return (top && (name == "build" || name == "out")) || fs::exists(path / "CMakeCache.txt", ec) ||
           name == ".cache" || name == ".idea" || name == ".vscode" || name == "__pycache__" ||
           name == "dlc-plots";
  }
  auto ends_with = [&](const std::string& end) {
    return name.size() >= end.size() &&
           name.compare(name.size() - end.size(), end.size(), end) == 0;
  };
  return name == "compile_commands.json" || name.back() == '~' || name.rfind(".#", 0) == 0 ||
         (name.front() == '#' && name.back() == '#') || name == ".DS_Store" || ends_with(".swp") ||
         ends_with(".swo") || ends_with(".swx") || ends_with(".orig") || ends_with(".rej") ||
         ends_with(".tmp") || ends_with(".bak") || ends_with(".pyc");
}

/// Copies the tree `from` into `to`, leaving out what left_out() says.
void copy_tree(const fs::path& from, const fs::path& to, bool top) {
  fs::create_directories(to);
  std::vector<fs::directory_entry> entries;
  for (const auto& e : fs::directory_iterator(from)) entries.push_back(e);
  for (const auto& e : entries) {
    const auto status = e.symlink_status();
    const fs::path dest = to / e.path().filename();
    if (fs::is_symlink(status)) {
      if (!left_out(e.path(), false, top)) fs::copy_symlink(e.path(), dest);
    } else if (fs::is_directory(status)) {
      if (!left_out(e.path(), true, top)) copy_tree(e.path(), dest, false);
    } else if (fs::is_regular_file(status)) {
      if (!left_out(e.path(), false, top)) fs::copy_file(e.path(), dest);
    }
  }
}

}  // namespace

std::string write_gradescope_package(const std::string& source_dir, const std::string& out_dir) {
  const std::string source = absolute(source_dir);
  const std::string out = absolute(out_dir);
  std::error_code ec;
  if (!fs::is_regular_file(fs::path(source) / "exercises.ini", ec))
    throw GradeError(source + " is not the course's source tree (it has no exercises.ini)");
  if (!has_solutions(source))
    throw GradeError(source +
                     " has no solutions/ (a release): the autograder grades with the reference "
                     "solutions of the instructor's tree; nothing written");
  if (const std::string why = output_folder_refusal(out_dir, out, {{"the source tree", source}});
      !why.empty())
    throw GradeError(why);
  const bool existed = fs::exists(fs::symlink_status(out, ec));
  for (const char* script : kScripts)
    if (!fs::is_regular_file(fs::path(source) / kScriptDir / script, ec))
      throw GradeError(source + "/" + kScriptDir + "/" + script + " is missing");
  const std::string cmake = find_executable("cmake");
  if (cmake.empty()) throw GradeError("cmake is not installed (or not in PATH): it makes the zip");

  // The package's root, staged in a temporary folder, then zipped whole.
  TempDir stage("dlc-gradescope");
  const fs::path root = stage.path() / "autograder";
  std::vector<std::string> entries;
  try {
    copy_tree(source, root, true);
    for (const char* script : kScripts) {
      fs::copy_file(fs::path(source) / kScriptDir / script, root / script,
                    fs::copy_options::overwrite_existing);
      fs::permissions(root / script, fs::perms::owner_all | fs::perms::group_read |
                                         fs::perms::group_exec | fs::perms::others_read |
                                         fs::perms::others_exec);
    }
    for (const auto& e : fs::directory_iterator(root)) entries.push_back(e.path().filename());
  } catch (const fs::filesystem_error& e) {
    throw GradeError(std::string("cannot copy the tree: ") + e.what());
  }
  std::sort(entries.begin(), entries.end());

  if (!existed && !fs::create_directories(out, ec) && ec)
    throw GradeError("cannot make " + out_dir + ": " + ec.message());
  const std::string zip = (fs::path(out) / "autograder.zip").string();
  std::vector<std::string> argv = {cmake, "-E", "tar", "cf", zip, "--format=zip", "--"};
  argv.insert(argv.end(), entries.begin(), entries.end());
  RunLimits limits;
  limits.timeout_seconds = 600;
  limits.output_limit_bytes = 1 << 16;
  const ProcessResult run =
      run_process(argv, environment_with({"LC_ALL=C"}), limits, root.string());
  if (!(run.started && run.exited && run.exit_code == 0)) {
    fs::remove(zip, ec);
    if (!existed) fs::remove(out, ec);
    const std::string why = run.started ? one_line(run.output, 300) : run.start_error;
    throw GradeError("cmake -E tar could not make " + zip + ": " + why);
  }
  return zip;
}

}  // namespace dlc::grader
