namespace HybridProf.Model;

/// <summary>A thread seen in a profile.</summary>
/// <param name="Id">Managed thread id (0 for synthetic threads such as the GC).</param>
/// <param name="Name">Thread name, or a generated one such as <c>thread 7</c>.</param>
public sealed record ProfileThread(int Id, string Name);
