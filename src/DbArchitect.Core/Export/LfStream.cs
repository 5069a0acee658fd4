namespace DbArchitect.Core.Export;

/// <summary>
/// A write-only stream that turns every CR LF into LF on the way to the stream it wraps, so a file rendered straight to
/// disk gets the same LF line endings as one built as a string and written with <c>Replace("\r\n", "\n")</c>. Works on
/// UTF-8 bytes: CR and LF never occur inside a multi-byte sequence. A CR at the end of one write is held back until
/// the next byte shows whether an LF follows; <see cref="Dispose(bool)"/> writes it when nothing does. The wrapped
/// stream is left open.
/// </summary>
internal sealed class LfStream : Stream
{
    private const byte Cr = (byte)'\r';
    private const byte Lf = (byte)'\n';
    private readonly Stream _inner;
    private bool _pendingCr;

    public LfStream(Stream inner) => _inner = inner;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return;
        }

        if (_pendingCr)
        {
            _pendingCr = false;
            if (buffer[0] != Lf)
            {
                _inner.WriteByte(Cr);
            }
        }

        while (true)
        {
            var cr = buffer.IndexOf(Cr);
            if (cr < 0)
            {
                _inner.Write(buffer);
                return;
            }

            _inner.Write(buffer[..cr]);
            if (cr == buffer.Length - 1)
            {
                _pendingCr = true;
                return;
            }

            if (buffer[cr + 1] != Lf)
            {
                _inner.WriteByte(Cr);
            }

            buffer = buffer[(cr + 1)..];
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write(new ReadOnlySpan<byte>(in value));

    public override void Flush() => _inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _pendingCr)
        {
            _pendingCr = false;
            _inner.WriteByte(Cr);
        }

        base.Dispose(disposing);
    }
}
