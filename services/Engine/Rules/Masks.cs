using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Platform.Engine.Rules;

/// <summary>
/// Vector loops over masks of one byte per bar (0 or 1) and the signal bytes they set: a rule's conditions are whole-series
/// passes, so these loops are most of a rule's cost after its indicators.
/// </summary>
internal static class Masks
{
    /// <summary>For each of the 256 patterns of eight results, the eight mask bytes (0 or 1) it spreads to, in the little-endian order of x64 and Arm64.</summary>
    private static readonly ulong[] Spread = CreateSpread();

    public static void And(Span<byte> mask, ReadOnlySpan<byte> other) => Combine<AndOperation>(mask, other);

    public static void Or(Span<byte> mask, ReadOnlySpan<byte> other) => Combine<OrOperation>(mask, other);

    /// <summary>Turns every 0 into 1 and every 1 into 0.</summary>
    public static void Invert(Span<byte> mask)
    {
        ref var start = ref MemoryMarshal.GetReference(mask);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var one = Vector256.Create((byte)1);
            for (; i <= mask.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                (Vector256.LoadUnsafe(ref start, (nuint)i) ^ one).StoreUnsafe(ref start, (nuint)i);
            }
        }
        for (; i < mask.Length; i++)
        {
            mask[i] ^= 1;
        }
    }

    /// <summary>Sets <paramref name="bits"/> in each signal byte whose mask byte is 1.</summary>
    public static void SetBits(Span<byte> signals, ReadOnlySpan<byte> mask, byte bits)
    {
        ref var signal = ref MemoryMarshal.GetReference(signals);
        ref var set = ref MemoryMarshal.GetReference(mask);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var pattern = Vector256.Create(bits);
            for (; i <= signals.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                var chosen = ~Vector256.Equals(Vector256.LoadUnsafe(ref set, (nuint)i), Vector256<byte>.Zero) & pattern;
                (Vector256.LoadUnsafe(ref signal, (nuint)i) | chosen).StoreUnsafe(ref signal, (nuint)i);
            }
        }
        for (; i < signals.Length; i++)
        {
            signals[i] |= (byte)(mask[i] * bits);
        }
    }

    /// <summary>Writes eight comparison results (all bits set or clear per lane, four lanes each) as eight mask bytes at <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write(Span<byte> mask, int index, Vector256<double> first, Vector256<double> second)
    {
        var pattern = first.ExtractMostSignificantBits() | second.ExtractMostSignificantBits() << 4;
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetReference(mask), index), Spread[pattern]);
    }

    private static void Combine<TOperation>(Span<byte> mask, ReadOnlySpan<byte> other)
        where TOperation : IMaskOperation
    {
        ref var left = ref MemoryMarshal.GetReference(mask);
        ref var right = ref MemoryMarshal.GetReference(other);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= mask.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                TOperation.Apply(Vector256.LoadUnsafe(ref left, (nuint)i), Vector256.LoadUnsafe(ref right, (nuint)i)).StoreUnsafe(ref left, (nuint)i);
            }
        }
        for (; i < mask.Length; i++)
        {
            mask[i] = TOperation.Apply(mask[i], other[i]);
        }
    }

    private static ulong[] CreateSpread()
    {
        var spread = new ulong[256];
        for (var pattern = 0; pattern < spread.Length; pattern++)
        {
            for (var lane = 0; lane < 8; lane++)
            {
                spread[pattern] |= (ulong)((pattern >> lane) & 1) << (8 * lane);
            }
        }
        return spread;
    }

    private interface IMaskOperation
    {
        static abstract Vector256<byte> Apply(Vector256<byte> left, Vector256<byte> right);

        static abstract byte Apply(byte left, byte right);
    }

    private readonly struct AndOperation : IMaskOperation
    {
        public static Vector256<byte> Apply(Vector256<byte> left, Vector256<byte> right) => left & right;

        public static byte Apply(byte left, byte right) => (byte)(left & right);
    }

    private readonly struct OrOperation : IMaskOperation
    {
        public static Vector256<byte> Apply(Vector256<byte> left, Vector256<byte> right) => left | right;

        public static byte Apply(byte left, byte right) => (byte)(left | right);
    }
}
