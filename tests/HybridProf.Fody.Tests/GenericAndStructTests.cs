namespace HybridProf.Fody.Tests;

public class GenericAndStructTests
{
    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void Generic_methods_in_generic_types_are_named_in_declaration_form(string flavour)
    {
        var woven = WovenInput.Get(flavour);
        var log = woven.ProbeLog();
        log.Clear();
        var cacheType = woven.Assembly.GetType("WeaverInput.Cache`2", throwOnError: true)!.MakeGenericType(typeof(string), typeof(int));
        dynamic cache = Activator.CreateInstance(cacheType)!;
        Assert.Equal(4, (int)cache.GetOrAdd("a", 4));
        Assert.Equal(4, (int)cache.GetOrAdd("a", 5));
        string mapped = cache.Map<string>("a", new Func<int, string>(v => "v" + v));
        Assert.Equal("v4", mapped);
        Assert.Equal(new[]
        {
            "GetOrAdd: WeaverInput.Cache<TKey, TValue>.GetOrAdd",
            "GetOrAdd: WeaverInput.Cache<TKey, TValue>.GetOrAdd",
            "Map: WeaverInput.Cache<TKey, TValue>.Map<TResult>",
        }, log.Cast<string>());

        var entry = woven.Assembly.GetType("WeaverInput.Cache`2+Entry", throwOnError: true)!.MakeGenericType(typeof(string), typeof(int));
        Assert.Equal("1:k", entry.GetMethod("Describe")!.Invoke(null, new object[] { "k" }));
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void Struct_members_and_constructors_work_on_the_struct(string flavour)
    {
        var woven = WovenInput.Get(flavour);
        var log = woven.ProbeLog();
        log.Clear();
        var type = woven.Assembly.GetType("WeaverInput.Counter", throwOnError: true)!;
        object counter = Activator.CreateInstance(type, 5)!;
        Assert.Equal(6, type.GetMethod("Increment")!.Invoke(counter, null));
        Assert.Equal(6, type.GetProperty("Value")!.GetValue(counter));
        Assert.Equal(new[]
        {
            "Counter..ctor: WeaverInput.Counter..ctor",
            "Increment: WeaverInput.Counter.Increment",
            "Value.get: WeaverInput.Counter.Value.get",
        }, log.Cast<string>());
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void Constructors_chain_with_field_initializers_and_base_calls(string flavour)
    {
        var woven = WovenInput.Get(flavour);
        var log = woven.ProbeLog();
        log.Clear();
        var type = woven.Assembly.GetType("WeaverInput.Derived", throwOnError: true)!;
        object derived = Activator.CreateInstance(type, "ab")!;
        Assert.Equal("AB5", type.GetMethod("Describe")!.Invoke(derived, null));
        Assert.Equal(new[]
        {
            "Base..ctor: WeaverInput.Derived..ctor(string) > WeaverInput.Base..ctor",
            "Derived..ctor: WeaverInput.Derived..ctor(string)",
        }, log.Cast<string>());

        var e = Assert.Throws<System.Reflection.TargetInvocationException>(() => Activator.CreateInstance(type, 1));
        Assert.IsType<ArgumentException>(e.InnerException);
        Assert.Empty(Profiler.CurrentStack());
    }
}
