// swift-tools-version:6.0
// The fuzz targets: one executable over the main package, built with libFuzzer and
// AddressSanitizer by scripts/fuzz (see CONTRIBUTING.md). Not part of the ordinary build.
import PackageDescription

// A path dependency is named after its folder (the checkout's), whatever that is called.
let crescent = Context.packageDirectory.split(separator: "/").dropLast().last.map(String.init) ?? "crescent"

let package = Package(
  name: "CrescentFuzz",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(path: ".."),
  ],
  targets: [
    // One executable; the fuzz target is chosen by CRESCENT_FUZZ_TARGET (scripts/fuzz sets it),
    // so the project is compiled and linked once for all of them.
    .executableTarget(
      name: "crescent-fuzz",
      dependencies: [.product(name: "CrescentCore", package: crescent)],
      path: "Sources/crescent-fuzz"
    ),
  ],
  // Swift 5 mode: the targets are process-wide constants of a single-threaded harness.
  swiftLanguageModes: [.v5]
)
