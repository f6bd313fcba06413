using System;
using System.Threading;

namespace HybridProf.Markers;

// One wrapper per delegate shape the hand-over APIs take (HandOff.Wrap): the delegate and the
// node it was handed over under; Run has the delegate's signature. Written out per shape
// because a delegate can only be invoked through its own type without reflection.

internal sealed class HandedAction : HandedWork
{
    private readonly Action _work;

    public HandedAction(AsyncNode from, Action work) : base(from) => _work = work;

#if NET
    [System.Diagnostics.StackTraceHidden] // an exception's trace reads as without HybridProf
#endif
    public void Run()
    {
        var run = Begin();
        try
        {
            _work();
        }
        finally
        {
            End(run);
        }
    }
}

internal sealed class HandedAction<T> : HandedWork
{
    private readonly Action<T> _work;

    public HandedAction(AsyncNode from, Action<T> work) : base(from) => _work = work;

#if NET
    [System.Diagnostics.StackTraceHidden] // an exception's trace reads as without HybridProf
#endif
    public void Run(T arg)
    {
        var run = Begin();
        try
        {
            _work(arg);
        }
        finally
        {
            End(run);
        }
    }
}

internal sealed class HandedAction<T1, T2> : HandedWork
{
    private readonly Action<T1, T2> _work;

    public HandedAction(AsyncNode from, Action<T1, T2> work) : base(from) => _work = work;

#if NET
    [System.Diagnostics.StackTraceHidden] // an exception's trace reads as without HybridProf
#endif
    public void Run(T1 arg1, T2 arg2)
    {
        var run = Begin();
        try
        {
            _work(arg1, arg2);
        }
        finally
        {
            End(run);
        }
    }
}

internal sealed class HandedAction<T1, T2, T3> : HandedWork
{
    private readonly Action<T1, T2, T3> _work;

    public HandedAction(AsyncNode from, Action<T1, T2, T3> work) : base(from) => _work = work;

#if NET
    [System.Diagnostics.StackTraceHidden] // an exception's trace reads as without HybridProf
#endif
    public void Run(T1 arg1, T2 arg2, T3 arg3)
    {
        var run = Begin();
        try
        {
            _work(arg1, arg2, arg3);
        }
        finally
        {
            End(run);
        }
    }
}

internal sealed class HandedFunc<TResult> : HandedWork
{
    private readonly Func<TResult> _work;

    public HandedFunc(AsyncNode from, Func<TResult> work) : base(from) => _work = work;

#if NET
    [System.Diagnostics.StackTraceHidden] // an exception's trace reads as without HybridProf
#endif
    public TResult Run()
    {
        var run = Begin();
        try
        {
            return _work();
        }
        finally
        {
            End(run);
        }
    }
}

internal sealed class HandedFunc<T, TResult> : HandedWork
{
    private readonly Func<T, TResult> _work;

    public HandedFunc(AsyncNode from, Func<T, TResult> work) : base(from) => _work = work;

#if NET
    [System.Diagnostics.StackTraceHidden] // an exception's trace reads as without HybridProf
#endif
    public TResult Run(T arg)
    {
        var run = Begin();
        try
        {
            return _work(arg);
        }
        finally
        {
            End(run);
        }
    }
}

internal sealed class HandedFunc<T1, T2, TResult> : HandedWork
{
    private readonly Func<T1, T2, TResult> _work;

    public HandedFunc(AsyncNode from, Func<T1, T2, TResult> work) : base(from) => _work = work;

#if NET
    [System.Diagnostics.StackTraceHidden] // an exception's trace reads as without HybridProf
#endif
    public TResult Run(T1 arg1, T2 arg2)
    {
        var run = Begin();
        try
        {
            return _work(arg1, arg2);
        }
        finally
        {
            End(run);
        }
    }
}

internal sealed class HandedFunc<T1, T2, T3, TResult> : HandedWork
{
    private readonly Func<T1, T2, T3, TResult> _work;

    public HandedFunc(AsyncNode from, Func<T1, T2, T3, TResult> work) : base(from) => _work = work;

#if NET
    [System.Diagnostics.StackTraceHidden] // an exception's trace reads as without HybridProf
#endif
    public TResult Run(T1 arg1, T2 arg2, T3 arg3)
    {
        var run = Begin();
        try
        {
            return _work(arg1, arg2, arg3);
        }
        finally
        {
            End(run);
        }
    }
}

internal sealed class HandedFunc<T1, T2, T3, T4, TResult> : HandedWork
{
    private readonly Func<T1, T2, T3, T4, TResult> _work;

    public HandedFunc(AsyncNode from, Func<T1, T2, T3, T4, TResult> work) : base(from) => _work = work;

#if NET
    [System.Diagnostics.StackTraceHidden] // an exception's trace reads as without HybridProf
#endif
    public TResult Run(T1 arg1, T2 arg2, T3 arg3, T4 arg4)
    {
        var run = Begin();
        try
        {
            return _work(arg1, arg2, arg3, arg4);
        }
        finally
        {
            End(run);
        }
    }
}

internal sealed class HandedWaitCallback : HandedWork
{
    private readonly WaitCallback _work;

    public HandedWaitCallback(AsyncNode from, WaitCallback work) : base(from) => _work = work;

#if NET
    [System.Diagnostics.StackTraceHidden] // an exception's trace reads as without HybridProf
#endif
    public void Run(object? state)
    {
        var run = Begin();
        try
        {
            _work(state);
        }
        finally
        {
            End(run);
        }
    }
}

internal sealed class HandedTimerCallback : HandedWork
{
    private readonly TimerCallback _work;

    public HandedTimerCallback(AsyncNode from, TimerCallback work) : base(from) => _work = work;

#if NET
    [System.Diagnostics.StackTraceHidden] // an exception's trace reads as without HybridProf
#endif
    public void Run(object? state)
    {
        var run = Begin();
        try
        {
            _work(state);
        }
        finally
        {
            End(run);
        }
    }
}

internal sealed class HandedParameterizedThreadStart : HandedWork
{
    private readonly ParameterizedThreadStart _work;

    public HandedParameterizedThreadStart(AsyncNode from, ParameterizedThreadStart work) : base(from) => _work = work;

#if NET
    [System.Diagnostics.StackTraceHidden] // an exception's trace reads as without HybridProf
#endif
    public void Run(object? state)
    {
        var run = Begin();
        try
        {
            _work(state);
        }
        finally
        {
            End(run);
        }
    }
}

internal sealed class HandedThreadStart : HandedWork
{
    private readonly ThreadStart _work;

    public HandedThreadStart(AsyncNode from, ThreadStart work) : base(from) => _work = work;

#if NET
    [System.Diagnostics.StackTraceHidden] // an exception's trace reads as without HybridProf
#endif
    public void Run()
    {
        var run = Begin();
        try
        {
            _work();
        }
        finally
        {
            End(run);
        }
    }
}
