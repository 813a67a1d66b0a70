import FuzzSupport
import HansardIngestion

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzOne(data, size, as: .historicHansardXML)
    return 0
}
