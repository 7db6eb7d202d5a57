// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Crescent",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "crescent", targets: ["crescent"]),
    .library(name: "CrescentCore", targets: ["Tensors", "Catalog", "Datasets", "Experiments", "StandardLibrary", "LuaHost"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
  ],
  targets: [
    // Lua 5.4 from the system (Debian: liblua5.4-dev; macOS: Homebrew lua).
    .systemLibrary(
      name: "CLua",
      pkgConfig: "lua5.4",
      providers: [.apt(["liblua5.4-dev"]), .brew(["lua"])]
    ),
    // Lua's function-like macros as functions, the error trampoline and the interrupt hook.
    .target(name: "CLuaShim", dependencies: ["CLua"], exclude: ["README.md"]),
    // GEMM micro-kernels and fused elementwise kernels, chosen at run time by CPU features.
    .target(name: "CKernels", exclude: ["README.md"]),
    // zlib from the system (Debian: zlib1g-dev), for reading .gz data files.
    .systemLibrary(
      name: "CZlib",
      pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
    ),
    // Core libraries: no Lua here.
    .target(name: "Tensors", dependencies: ["CKernels"], exclude: ["README.md"]),
    .target(name: "Catalog", dependencies: ["Tensors"], exclude: ["README.md"]),
    // Named CrescentMetrics, not Metrics: postgres-nio brings in swift-metrics, whose module is Metrics.
    .target(name: "CrescentMetrics", dependencies: ["Tensors", "Catalog", "CKernels"], path: "Sources/Metrics", exclude: ["README.md"]),
    .target(name: "NN", dependencies: ["Tensors", "Catalog", "CrescentMetrics", "CKernels"], exclude: ["README.md"]),
    // Data sets: loaders, generators, scalers, splits; the Lua-facing entries under Library/.
    .target(name: "Datasets", dependencies: ["Tensors", "Catalog", "CZlib"],
            exclude: ["README.md", "Resources/README.md"], resources: [.copy("Resources/digits.csv.gz")]),
    // Experiments: config trees (defaults, named configs, overrides), runs and what they log.
    .target(name: "Experiments", dependencies: ["Catalog", "Sweeps"], exclude: ["README.md"]),
    // SVG charts (lines, mean ± std bands, ROC and PR curves) and small HTML tables.
    .target(name: "Charts", exclude: ["README.md"]),
    // Self-contained HTML reports of runs, drawn with Charts, from plain data.
    .target(name: "Reports", dependencies: ["Charts"], exclude: ["README.md"]),
    // Sweeps: search spaces, samplers (grid, random, TPE), pruners, the study store protocol.
    .target(name: "Sweeps", dependencies: ["Catalog", "Tensors"], exclude: ["README.md"]),
    // The run store: every run, its metrics and artifacts, in one SQLite file (GRDB over the
    // system's libsqlite3; Debian: libsqlite3-dev).
    .target(name: "RunStore", dependencies: ["Catalog", "Sweeps", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["README.md"]),
    // A study store in PostgreSQL, for sweep workers on several machines (postgres-nio).
    .target(name: "PostgresStore", dependencies: ["Sweeps", .product(name: "PostgresNIO", package: "postgres-nio")],
            exclude: ["README.md"]),
    // Every built-in library registered into one catalog.
    .target(name: "StandardLibrary", dependencies: ["Catalog", "Tensors", "CrescentMetrics", "NN", "Datasets", "Experiments"],
            exclude: ["README.md"]),
    // The C boundary native plugins are built against (crescent_plugin.h), and the host side
    // that loads them into a catalog.
    .target(name: "CrescentPluginABI", exclude: ["README.md"]),
    .target(name: "Plugins", dependencies: ["CrescentPluginABI", "Catalog", "Tensors", "CrescentMetrics", "NN"], exclude: ["README.md"]),
    // The bridge: the only importer of CLua.
    .target(name: "LuaHost", dependencies: ["CLua", "CLuaShim", "Tensors", "Catalog", "StandardLibrary", "Experiments"],
            exclude: ["README.md"]),
    // Counts heap allocations for `crescent bench bridge`; linked into the executable only.
    .target(name: "CAllocationCount", exclude: ["README.md"]),
    .executableTarget(
      name: "crescent",
      dependencies: ["CAllocationCount", "LuaHost", "Experiments", "Tensors", "Catalog", "StandardLibrary", "CrescentMetrics", "NN", "Datasets", "Plugins", "RunStore", "Reports", "Sweeps", "PostgresStore",
                     .product(name: "ArgumentParser", package: "swift-argument-parser")],
      exclude: ["README.md"]
    ),
    // What the test targets share: one seeded generator and the checks every layer, metric
    // and kernel goes through.
    .target(name: "TestSupport", dependencies: ["Tensors", "Catalog", "NN", "CrescentMetrics", "CKernels"], path: "Tests/TestSupport", exclude: ["README.md"]),
    .testTarget(name: "TensorsTests", dependencies: ["Tensors", "CKernels", "TestSupport"], exclude: ["Fixtures"]),
    .testTarget(name: "NNTests", dependencies: ["NN", "Tensors", "TestSupport"], exclude: ["Fixtures"]),
    .testTarget(name: "CatalogTests", dependencies: ["Catalog", "Tensors", "StandardLibrary", "Experiments"]),
    .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "Tensors", "Catalog", "StandardLibrary", "LuaHost"],
                exclude: ["Fixtures"]),
    .testTarget(name: "MetricsTests", dependencies: ["CrescentMetrics", "Tensors", "Catalog", "CKernels", "TestSupport"], exclude: ["Fixtures"]),
    .testTarget(name: "ExperimentsTests", dependencies: ["Experiments", "Catalog"]),
    .testTarget(name: "PluginsTests", dependencies: ["Plugins", "Catalog", "Tensors", "StandardLibrary", "NN", "CrescentMetrics"]),
    .testTarget(name: "ChartsTests", dependencies: ["Charts"], exclude: ["Fixtures"]),
    .testTarget(name: "ReportsTests", dependencies: ["Reports", "Charts"], exclude: ["Fixtures"]),
    .testTarget(name: "SweepsTests", dependencies: ["Sweeps", "Catalog"]),
    .testTarget(name: "PostgresStoreTests", dependencies: ["PostgresStore", "Sweeps"]),
    .testTarget(name: "RunStoreTests", dependencies: ["RunStore", "Catalog", "Sweeps", .product(name: "GRDB", package: "GRDB.swift")]),
    .testTarget(name: "LuaHostTests", dependencies: ["LuaHost", "Catalog", "Tensors", "StandardLibrary", "Experiments", "CAllocationCount"]),
    .testTarget(name: "CrescentCommandTests", dependencies: ["crescent", "RunStore", "Reports", "Catalog"]),
  ],
  swiftLanguageModes: [.v6]
)
