// File reading and the data directory search order.
#include "base/file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace annals {

Result<std::string> ReadFile(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Status::NotFound(path + ": no such file");
  if (std::filesystem::is_directory(path, ec)) return Status::IoError(path + ": is a directory");
  // One read into a buffer sized from the file, not a stream copy through a
  // growing stringbuf: the data files (models, dictionaries, gazetteer) are
  // tens of megabytes and start-up reads them all. A file whose size is
  // unknown (a pipe) is read to its end in chunks.
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
  std::string data;
  struct stat st;
  if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    data.resize(static_cast<size_t>(st.st_size));
  }
  size_t used = 0;
  while (true) {
    if (used == data.size()) {  // full: grow only if there is more
      const int c = std::fgetc(f);
      if (c == EOF) break;
      data.resize(data.size() < 65536 ? 65536 : data.size() * 2);
      data[used++] = static_cast<char>(c);
    }
    const size_t got = std::fread(data.data() + used, 1, data.size() - used, f);
    used += got;
    if (got == 0) break;
  }
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return Status::IoError(path + ": read failed");
  data.resize(used);
  return data;
}

Result<std::unique_ptr<MappedFile>> MappedFile::Open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Status::NotFound(path + ": no such file");
    return Status::IoError(path + ": cannot open: " + std::strerror(errno));
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Status::IoError(path + ": not a regular file");
  }
  std::unique_ptr<MappedFile> file(new MappedFile());
  const auto size = static_cast<size_t>(st.st_size);
  if (size > 0) {
    void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (map == MAP_FAILED) {
      const int e = errno;
      ::close(fd);
      return Status::IoError(path + ": cannot map: " + std::strerror(e));
    }
    file->map_ = map;
    file->data_ = std::string_view(static_cast<const char*>(map), size);
  }
  ::close(fd);
  return file;
}

MappedFile::~MappedFile() {
  if (map_ != nullptr) ::munmap(map_, data_.size());
}

std::string JoinPath(const std::string& dir, const std::string& rel) {
  if (dir.empty()) return rel;
  if (dir.back() == '/') return dir + rel;
  return dir + "/" + rel;
}

std::string DefaultDataDir() {
  if (const char* env = std::getenv("ANNALS_DATA"); env && *env) return env;
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const auto installed = exe.parent_path().parent_path() / "share" / "annals" / "data";
    if (std::filesystem::exists(installed / "ontology", ec)) return installed.string();
  }
  return ANNALS_SOURCE_DATA_DIR;
}

}  // namespace annals
