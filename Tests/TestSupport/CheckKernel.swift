import CKernels

/// The instruction-set levels this CPU can run, lowest first (a kernel test runs on each).
public let availableISAs: [ck_isa] = [CK_ISA_PORTABLE, CK_ISA_AVX2, CK_ISA_AVX512]
  .filter { $0.rawValue <= ck_detected_isa().rawValue }

/// The same levels as raw values, trivially Sendable for parameterized tests.
public let availableISARawValues: [UInt32] = availableISAs.map(\.rawValue)

/// Runs `body` once for every ISA the CPU offers, lowest first.
public func checkKernel(_ body: (ck_isa) throws -> Void) rethrows {
  for isa in availableISAs { try body(isa) }
}
