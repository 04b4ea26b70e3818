using System.Runtime.InteropServices;

namespace Ercot.Models.XGBoost;

/// <summary>
/// The parts of XGBoost's C API (libxgboost.so.0, Debian's libxgboost0) the model uses. Every call
/// returns 0 or −1; <see cref="Check"/> turns −1 into an exception carrying XGBGetLastError.
/// </summary>
internal static partial class XGBoostNative
{
    private const string Library = "libxgboost.so.0";

    public static void Check(int result, string call)
    {
        if (result != 0)
        {
            throw new XGBoostException($"XGBoost {call} failed: {Marshal.PtrToStringUTF8(XGBGetLastError())}");
        }
    }

    [LibraryImport(Library)]
    public static partial IntPtr XGBGetLastError();

    [LibraryImport(Library)]
    public static partial int XGBoosterBoostedRounds(BoosterHandle handle, out int rounds);

    [LibraryImport(Library)]
    public static partial int XGDMatrixCreateFromMat(ReadOnlySpan<float> data, ulong rows, ulong columns, float missing, out DMatrixHandle handle);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGDMatrixSetFloatInfo(DMatrixHandle handle, string field, ReadOnlySpan<float> values, ulong length);

    [LibraryImport(Library)]
    public static partial int XGDMatrixFree(IntPtr handle);

    [LibraryImport(Library)]
    public static partial int XGBoosterCreate(ReadOnlySpan<IntPtr> matrices, ulong count, out BoosterHandle handle);

    [LibraryImport(Library)]
    public static partial int XGBoosterFree(IntPtr handle);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGBoosterSetParam(BoosterHandle handle, string name, string value);

    [LibraryImport(Library)]
    public static partial int XGBoosterUpdateOneIter(BoosterHandle handle, int iteration, DMatrixHandle train);

    [LibraryImport(Library)]
    public static partial int XGBoosterEvalOneIter(BoosterHandle handle, int iteration, ReadOnlySpan<IntPtr> matrices, ReadOnlySpan<IntPtr> names, ulong count, out IntPtr result);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGBoosterPredictFromDMatrix(BoosterHandle handle, DMatrixHandle matrix, string config, out IntPtr shape, out ulong dimensions, out IntPtr result);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGBoosterPredictFromDense(BoosterHandle handle, string arrayInterface, string config, IntPtr proxy, out IntPtr shape, out ulong dimensions, out IntPtr result);

    [LibraryImport(Library)]
    public static partial int XGBoosterSlice(BoosterHandle handle, int beginLayer, int endLayer, int step, out BoosterHandle sliced);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGBoosterSaveModelToBuffer(BoosterHandle handle, string config, out ulong length, out IntPtr buffer);

    [LibraryImport(Library)]
    public static partial int XGBoosterLoadModelFromBuffer(BoosterHandle handle, ReadOnlySpan<byte> buffer, ulong length);
}

/// <summary>An XGBoost call failed; the message carries XGBoost's own reason.</summary>
public sealed class XGBoostException(string message) : Exception(message);

/// <summary>A DMatrix, freed with XGDMatrixFree.</summary>
internal sealed class DMatrixHandle() : Microsoft.Win32.SafeHandles.SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle() => XGBoostNative.XGDMatrixFree(handle) == 0;
}

/// <summary>A Booster, freed with XGBoosterFree.</summary>
internal sealed class BoosterHandle() : Microsoft.Win32.SafeHandles.SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle() => XGBoostNative.XGBoosterFree(handle) == 0;
}
