namespace HybridProf.Cli.Commands;

/// <summary>A mistake in how the command was called; the message is shown as is.</summary>
internal sealed class UsageException(string message) : Exception(message);
