/// Where a sliding window (a convolution's kernel or a pooling window) lands on a channels-last
/// input of `inH x inW x channels` per sample: its size, strides, dilation and the padding
/// before the first row and column. One-dimensional windows are the case `inH = kh = 1`.
///
/// The window at output (oh, ow) reads input rows `oh·strideH − padTop + i·dilationH` for
/// i in 0..<kh, and columns likewise; positions outside the input read as padding.
package struct ConvGeometry: Equatable, Sendable {
  package var inH, inW, channels: Int
  package var kh, kw: Int
  package var strideH, strideW: Int
  package var dilationH, dilationW: Int
  package var padTop, padLeft: Int
  package var outH, outW: Int

  /// Keras's padding: "valid" uses no padding and only windows wholly inside the input;
  /// "same" gives `ceil(in / stride)` outputs and pads the total that needs, half before and
  /// the rest (the extra one) after. Nil when a valid window does not fit in the input.
  package init?(inH: Int, inW: Int, channels: Int, kh: Int, kw: Int, strideH: Int = 1, strideW: Int = 1,
                dilationH: Int = 1, dilationW: Int = 1, same: Bool) {
    self.inH = inH; self.inW = inW; self.channels = channels
    self.kh = kh; self.kw = kw; self.strideH = strideH; self.strideW = strideW
    self.dilationH = dilationH; self.dilationW = dilationW
    let spanH = (kh - 1) * dilationH + 1, spanW = (kw - 1) * dilationW + 1
    if same {
      outH = (inH + strideH - 1) / strideH
      outW = (inW + strideW - 1) / strideW
      padTop = max((outH - 1) * strideH + spanH - inH, 0) / 2
      padLeft = max((outW - 1) * strideW + spanW - inW, 0) / 2
    } else {
      guard spanH <= inH, spanW <= inW else { return nil }
      outH = (inH - spanH) / strideH + 1
      outW = (inW - spanW) / strideW + 1
      padTop = 0
      padLeft = 0
    }
  }

  /// Values in one unrolled window (a row of the im2col matrix): kh·kw·channels.
  package var patch: Int { kh * kw * channels }
  /// Values per sample in and out of the unrolled form.
  package var inputSize: Int { inH * inW * channels }
  package var positions: Int { outH * outW }
  /// Whether the unrolled matrix is the input itself (a 1x1 window, stride 1, no padding).
  package var isIdentity: Bool { kh == 1 && kw == 1 && strideH == 1 && strideW == 1 && padTop == 0 && padLeft == 0 }
}
