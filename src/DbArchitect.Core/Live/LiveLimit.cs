namespace DbArchitect.Core.Live;

/// <summary>Which of the limits a live session sets stopped a statement (each driver recognises its server's errors).</summary>
public enum LiveLimit
{
    None,

    /// <summary>The statement ran longer than <see cref="LiveSessionOptions.StatementTimeout"/> and the server cancelled it.</summary>
    StatementTimeout,

    /// <summary>The statement waited longer than <see cref="LiveSessionOptions.LockTimeout"/> for a lock another session holds.</summary>
    LockTimeout,
}
