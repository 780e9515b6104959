// swift-tools-version: 6.1
import PackageDescription

// Linux (glibc) only: the sources import Glibc (files, pipes, poll, memmem), `-- COMMAND` needs
// prctl's parent-death signal (CChildProcess), and `make dist` links glibc statically. A build on
// another system stops with an error that says so (Sources/LogParse/Support/Platform.swift). No
// `platforms:` entry: it could name only Apple platforms, which are not supported.
let package = Package(
  name: "cas-logs",
  products: [
    .executable(name: "cas-logs", targets: ["cas-logs"]),
    .library(name: "LogParse", targets: ["LogParse"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    .systemLibrary(
      name: "CPCRE2",
      pkgConfig: "libpcre2-8",
      providers: [.apt(["libpcre2-dev"])]
    ),
    .systemLibrary(
      name: "CZlib",
      pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"])]
    ),
    // fork + prctl(PR_SET_PDEATHSIG) + exec for the command after `--`: posix_spawn cannot set a
    // parent-death signal, and Swift cannot run code safely between fork and exec.
    .target(name: "CChildProcess"),
    // glibc's mallopt, which Swift's Glibc module does not export (AllocatorTuning).
    .target(name: "CAllocatorTuning"),
    .target(name: "LogParse", dependencies: ["CPCRE2", "CZlib", "CChildProcess", "CAllocatorTuning"]),
    .executableTarget(
      name: "cas-logs",
      dependencies: [
        "LogParse",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // The synthetic log generator for benchmarks and the ground-truth test.
    .target(name: "LogGen"),
    .executableTarget(
      name: "cas-logs-loggen",
      dependencies: ["LogGen", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    // The fuzz entry point: replays files in a normal build; `make fuzz` links it with libFuzzer.
    .executableTarget(name: "cas-logs-fuzz", dependencies: ["LogParse"]),
    // Counts a thread's heap allocations (malloc interposed), for the no-allocation-per-line tests.
    .target(name: "CAllocationCounter", path: "Tests/CAllocationCounter"),
    .testTarget(
      name: "LogParseTests", dependencies: ["LogParse", "LogGen", "CAllocationCounter"], exclude: ["Fixtures"]),
    .testTarget(name: "CasLogsTests", dependencies: ["cas-logs", "LogParse"]),
  ],
  swiftLanguageModes: [.v6]
)

for target in package.targets
where target.type != .system && !["CChildProcess", "CAllocatorTuning", "CAllocationCounter"].contains(target.name) {
  var settings = target.swiftSettings ?? []
  settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
  settings.append(.enableUpcomingFeature("ExistentialAny"))
  target.swiftSettings = settings
}
