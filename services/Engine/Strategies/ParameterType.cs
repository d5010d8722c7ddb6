namespace Platform.Engine.Strategies;

public enum ParameterType
{
    Int,
    Decimal,
    Bool,
}
