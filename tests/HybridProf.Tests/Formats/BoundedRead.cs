using HybridProf.Formats;
using HybridProf.Model;

namespace HybridProf.Tests.Formats;

/// <summary>
/// Reads damaged input and checks that the reader's work was bounded by its input, measured
/// without a clock (a time limit fails on a busy machine and passes on a fast one). A damaged
/// length or count that made a reader expand or loop shows as memory it allocated or as reads
/// it made after the end of the input; a reader slow for any other reason is a benchmark's
/// business, not a unit test's.
/// </summary>
internal static class BoundedRead
{
    /// <summary>Generous: the readers hold a file and its profile a few times over, never per unit of a count read from it.</summary>
    public static long AllocationBound(int inputBytes) => 32_000_000 + 200L * inputBytes;

    /// <summary>Reads that may find the end: a few layers (gzip, a buffered text reader) each ask once or twice more.</summary>
    public const int EndOfInputReads = 16;

    /// <summary>Reads <paramref name="bytes"/> with <paramref name="reader"/>, letting its exceptions through, and asserts the work bounds.</summary>
    public static Profile Read(IProfileReader reader, byte[] bytes, string what)
    {
        var input = new CountingStream(bytes);
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            return reader.Read(input);
        }
        finally
        {
            long used = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Assert.True(used < AllocationBound(bytes.Length), $"{what}: reading {bytes.Length} bytes allocated {used} bytes");
            Assert.True(input.ReadsAtEnd <= EndOfInputReads, $"{what}: the reader asked for more input {input.ReadsAtEnd} times after its end");
            Assert.True(input.Reads <= bytes.Length + EndOfInputReads, $"{what}: {input.Reads} reads of a {bytes.Length}-byte input");
        }
    }

    /// <summary>A read-only, forward-only stream over bytes that counts the reader's calls.</summary>
    private sealed class CountingStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public int Reads { get; private set; }

        public int ReadsAtEnd { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => Count(base.Read(buffer, offset, count), count);

        public override int Read(Span<byte> buffer) => Count(base.Read(buffer), buffer.Length);

        public override int ReadByte()
        {
            int value = base.ReadByte();
            Count(value < 0 ? 0 : 1, 1);
            return value;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        // Forward only: a reader that rewound to read again would escape the count.
        public override bool CanSeek => false;

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();

        private int Count(int read, int asked)
        {
            Reads++;
            if (read == 0 && asked > 0)
                ReadsAtEnd++;
            return read;
        }
    }
}
