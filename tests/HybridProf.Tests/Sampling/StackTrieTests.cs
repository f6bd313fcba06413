using HybridProf.Sampling;

namespace HybridProf.Tests.Sampling;

public class StackTrieTests
{
    [Fact]
    public void Repeated_stacks_share_their_nodes()
    {
        var trie = new StackTrie();
        int a = trie.Intern(new[] { 1, 2, 3 }, 3, out bool cappedA);
        int b = trie.Intern(new[] { 1, 2, 3, 9 }, 3, out _);
        Assert.Equal(a, b);
        Assert.False(cappedA);
        Assert.Equal(new[] { 1, 2, 3 }, trie.PathOf(a));
        Assert.Equal(4, trie.Count);
    }

    [Fact]
    public void Past_the_cap_a_new_stack_ends_at_its_longest_known_prefix()
    {
        var trie = new StackTrie(maxPaths: 3);
        trie.Intern(new[] { 1, 2, 3 }, 3, out _);
        int node = trie.Intern(new[] { 1, 2, 7, 8 }, 4, out bool capped);
        Assert.True(capped);
        Assert.Equal(new[] { 1, 2 }, trie.PathOf(node));
        Assert.Equal(4, trie.Count);

        // The synthetic leaf may still be added under it, so the overflow stays visible.
        int marker = trie.Child(node, -1);
        Assert.Equal(new[] { 1, 2, -1 }, trie.PathOf(marker));
    }
}
