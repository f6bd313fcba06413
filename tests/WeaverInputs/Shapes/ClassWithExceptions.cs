using System;

namespace WeaverInput;

public static class ClassWithExceptions
{
    public static string CatchAfterThrow()
    {
        try
        {
            Thrower(3);
            return "not reached";
        }
        catch (InvalidOperationException e)
        {
            // The frames of Thrower are gone: only this method is on the stack.
            Probe.Record("catch");
            return e.Message;
        }
    }

    private static void Thrower(int depth)
    {
        if (depth == 0)
        {
            Probe.Record("throw");
            throw new InvalidOperationException("boom");
        }
        Thrower(depth - 1);
    }

    public static int Filter(int code)
    {
        try
        {
            ThrowCode(code);
            return 0;
        }
        catch (ArgumentException e) when (Accept(e, code))
        {
            Probe.Record("filtered catch");
            return code;
        }
        catch (ArgumentException)
        {
            return -code;
        }
    }

    private static bool Accept(ArgumentException e, int code) => code % 2 == 0 && e.Message.Length > 0;

    private static void ThrowCode(int code) => throw new ArgumentException("code " + code);

    public static int NestedFinally(int n)
    {
        int total = 0;
        try
        {
            try
            {
                total += n;
                if (n < 0)
                    throw new ArgumentOutOfRangeException(nameof(n));
            }
            finally
            {
                total += 10;
                Probe.Record("inner finally");
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            total += 100;
        }
        finally
        {
            total += 1000;
        }
        return total;
    }

    public static int Rethrow()
    {
        try
        {
            Inner();
            return 0;
        }
        catch (InvalidOperationException)
        {
            Probe.Record("outer catch");
            return 1;
        }

        static void Inner()
        {
            try
            {
                Thrower(0);
            }
            catch (InvalidOperationException)
            {
                Probe.Record("inner catch");
                throw;
            }
        }
    }
}
