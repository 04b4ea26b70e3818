-- Generated from Ercot.Core/Schema/ErcotTables.cs by SqlServerDialect.SchemaScript; a test keeps them in step.
IF SCHEMA_ID(N'ERCOT') IS NULL EXEC(N'CREATE SCHEMA [ERCOT]')
GO

IF OBJECT_ID(N'ERCOT.hist_ActualSystemLoadbyForecastZone', N'U') IS NULL
CREATE TABLE [ERCOT].[hist_ActualSystemLoadbyForecastZone] (
    [OperDay] date NOT NULL,
    [HourEnding] smallint NOT NULL,
    [NORTH] float,
    [SOUTH] float,
    [WEST] float,
    [HOUSTON] float,
    [TOTAL] float,
    [DSTFlag] bit NOT NULL,
    [IntervalStartUtc] datetime2(3) NOT NULL,
    CONSTRAINT [PK_hist_ActualSystemLoadbyForecastZone] PRIMARY KEY CLUSTERED ([OperDay], [HourEnding], [DSTFlag])
)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'IX_hist_ActualSystemLoadbyForecastZone_IntervalStartUtc' AND object_id = OBJECT_ID(N'ERCOT.hist_ActualSystemLoadbyForecastZone'))
CREATE NONCLUSTERED INDEX [IX_hist_ActualSystemLoadbyForecastZone_IntervalStartUtc] ON [ERCOT].[hist_ActualSystemLoadbyForecastZone] ([IntervalStartUtc])
GO

IF OBJECT_ID(N'ERCOT.hist_ActualSystemLoadbyWeatherZone', N'U') IS NULL
CREATE TABLE [ERCOT].[hist_ActualSystemLoadbyWeatherZone] (
    [OperDay] date NOT NULL,
    [HourEnding] smallint NOT NULL,
    [COAST] float,
    [EAST] float,
    [FAR_WEST] float,
    [NORTH] float,
    [NORTH_C] float,
    [SOUTHERN] float,
    [SOUTH_C] float,
    [WEST] float,
    [TOTAL] float,
    [DSTFlag] bit NOT NULL,
    [IntervalStartUtc] datetime2(3) NOT NULL,
    CONSTRAINT [PK_hist_ActualSystemLoadbyWeatherZone] PRIMARY KEY CLUSTERED ([OperDay], [HourEnding], [DSTFlag])
)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'IX_hist_ActualSystemLoadbyWeatherZone_IntervalStartUtc' AND object_id = OBJECT_ID(N'ERCOT.hist_ActualSystemLoadbyWeatherZone'))
CREATE NONCLUSTERED INDEX [IX_hist_ActualSystemLoadbyWeatherZone_IntervalStartUtc] ON [ERCOT].[hist_ActualSystemLoadbyWeatherZone] ([IntervalStartUtc])
GO

IF OBJECT_ID(N'ERCOT.hist_DAMSettlementPointPrices', N'U') IS NULL
CREATE TABLE [ERCOT].[hist_DAMSettlementPointPrices] (
    [DeliveryDate] date NOT NULL,
    [HourEnding] smallint NOT NULL,
    [SettlementPoint] varchar(64) NOT NULL,
    [SettlementPointPrice] float NOT NULL,
    [DSTFlag] bit NOT NULL,
    [IntervalStartUtc] datetime2(3) NOT NULL,
    CONSTRAINT [PK_hist_DAMSettlementPointPrices] PRIMARY KEY CLUSTERED ([DeliveryDate], [HourEnding], [DSTFlag], [SettlementPoint])
)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'IX_hist_DAMSettlementPointPrices_IntervalStartUtc' AND object_id = OBJECT_ID(N'ERCOT.hist_DAMSettlementPointPrices'))
CREATE NONCLUSTERED INDEX [IX_hist_DAMSettlementPointPrices_IntervalStartUtc] ON [ERCOT].[hist_DAMSettlementPointPrices] ([IntervalStartUtc])
GO

IF OBJECT_ID(N'ERCOT.hist_LMPbyResourceNodesLoadZonesandTradingHubs', N'U') IS NULL
CREATE TABLE [ERCOT].[hist_LMPbyResourceNodesLoadZonesandTradingHubs] (
    [SCEDTimestamp] datetime2(3) NOT NULL,
    [RepeatedHourFlag] bit NOT NULL,
    [SettlementPoint] varchar(64) NOT NULL,
    [LMP] float NOT NULL,
    [IntervalStartUtc] datetime2(3) NOT NULL,
    CONSTRAINT [PK_hist_LMPbyResourceNodesLoadZonesandTradingHubs] PRIMARY KEY CLUSTERED ([SCEDTimestamp], [RepeatedHourFlag], [SettlementPoint])
)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'IX_hist_LMPbyResourceNodesLoadZonesandTradingHubs_IntervalStartUtc' AND object_id = OBJECT_ID(N'ERCOT.hist_LMPbyResourceNodesLoadZonesandTradingHubs'))
CREATE NONCLUSTERED INDEX [IX_hist_LMPbyResourceNodesLoadZonesandTradingHubs_IntervalStartUtc] ON [ERCOT].[hist_LMPbyResourceNodesLoadZonesandTradingHubs] ([IntervalStartUtc])
GO

IF OBJECT_ID(N'ERCOT.hist_RealTimeLMP', N'U') IS NULL
CREATE TABLE [ERCOT].[hist_RealTimeLMP] (
    [DeliveryDate] date NOT NULL,
    [DeliveryHour] smallint NOT NULL,
    [DeliveryInterval] smallint NOT NULL,
    [SettlementPointName] varchar(64) NOT NULL,
    [SettlementPointType] varchar(8) NOT NULL,
    [SettlementPointPrice] float NOT NULL,
    [DSTFlag] bit NOT NULL,
    [IntervalStartUtc] datetime2(3) NOT NULL,
    CONSTRAINT [PK_hist_RealTimeLMP] PRIMARY KEY CLUSTERED ([DeliveryDate], [DeliveryHour], [DeliveryInterval], [DSTFlag], [SettlementPointName], [SettlementPointType])
)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'IX_hist_RealTimeLMP_IntervalStartUtc' AND object_id = OBJECT_ID(N'ERCOT.hist_RealTimeLMP'))
CREATE NONCLUSTERED INDEX [IX_hist_RealTimeLMP_IntervalStartUtc] ON [ERCOT].[hist_RealTimeLMP] ([IntervalStartUtc])
GO

IF OBJECT_ID(N'ERCOT.hist_SCEDShadowPricesandBindingTransmissionConstraints', N'U') IS NULL
CREATE TABLE [ERCOT].[hist_SCEDShadowPricesandBindingTransmissionConstraints] (
    [SCEDTimeStamp] datetime2(3) NOT NULL,
    [RepeatedHourFlag] bit NOT NULL,
    [ConstraintID] varchar(32) NOT NULL,
    [ConstraintName] varchar(128) NOT NULL,
    [ContingencyName] varchar(128) NOT NULL,
    [ShadowPrice] float,
    [MaxShadowPrice] float,
    [Limit] float,
    [Value] float,
    [ViolatedMW] float,
    [FromStation] varchar(64),
    [ToStation] varchar(64),
    [IntervalStartUtc] datetime2(3) NOT NULL,
    CONSTRAINT [PK_hist_SCEDShadowPricesandBindingTransmissionConstraints] PRIMARY KEY CLUSTERED ([SCEDTimeStamp], [RepeatedHourFlag], [ConstraintID], [ContingencyName])
)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'IX_hist_SCEDShadowPricesandBindingTransmissionConstraints_IntervalStartUtc' AND object_id = OBJECT_ID(N'ERCOT.hist_SCEDShadowPricesandBindingTransmissionConstraints'))
CREATE NONCLUSTERED INDEX [IX_hist_SCEDShadowPricesandBindingTransmissionConstraints_IntervalStartUtc] ON [ERCOT].[hist_SCEDShadowPricesandBindingTransmissionConstraints] ([IntervalStartUtc])
GO

IF OBJECT_ID(N'ERCOT.hist_SolarPowerProductionActual5MinuteAveragedValues', N'U') IS NULL
CREATE TABLE [ERCOT].[hist_SolarPowerProductionActual5MinuteAveragedValues] (
    [INTERVAL_ENDING] datetime2(3) NOT NULL,
    [SYSTEM_WIDE_GEN] float,
    [SYSTEM_WIDE_HSL] float,
    [DSTFlag] bit NOT NULL,
    [IntervalStartUtc] datetime2(3) NOT NULL,
    CONSTRAINT [PK_hist_SolarPowerProductionActual5MinuteAveragedValues] PRIMARY KEY CLUSTERED ([INTERVAL_ENDING], [DSTFlag])
)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'IX_hist_SolarPowerProductionActual5MinuteAveragedValues_IntervalStartUtc' AND object_id = OBJECT_ID(N'ERCOT.hist_SolarPowerProductionActual5MinuteAveragedValues'))
CREATE NONCLUSTERED INDEX [IX_hist_SolarPowerProductionActual5MinuteAveragedValues_IntervalStartUtc] ON [ERCOT].[hist_SolarPowerProductionActual5MinuteAveragedValues] ([IntervalStartUtc])
GO

IF OBJECT_ID(N'ERCOT.hist_SolarPowerProductionHourlyAveragedActualandForecastedValues', N'U') IS NULL
CREATE TABLE [ERCOT].[hist_SolarPowerProductionHourlyAveragedActualandForecastedValues] (
    [DELIVERY_DATE] date NOT NULL,
    [HOUR_ENDING] smallint NOT NULL,
    [POSTED_DATETIME] datetime2(3) NOT NULL,
    [PostedUtc] datetime2(3) NOT NULL,
    [SYSTEM_WIDE_GEN] float,
    [COP_HSL_SYSTEM_WIDE] float,
    [STPPF_SYSTEM_WIDE] float,
    [PVGRPP_SYSTEM_WIDE] float,
    [SYSTEM_WIDE_HSL] float,
    [DSTFlag] bit NOT NULL,
    [IntervalStartUtc] datetime2(3) NOT NULL,
    CONSTRAINT [PK_hist_SolarPowerProductionHourlyAveragedActualandForecastedValues] PRIMARY KEY CLUSTERED ([DELIVERY_DATE], [HOUR_ENDING], [DSTFlag], [PostedUtc])
)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'IX_hist_SolarPowerProductionHourlyAveragedActualandForecastedValues_IntervalStartUtc' AND object_id = OBJECT_ID(N'ERCOT.hist_SolarPowerProductionHourlyAveragedActualandForecastedValues'))
CREATE NONCLUSTERED INDEX [IX_hist_SolarPowerProductionHourlyAveragedActualandForecastedValues_IntervalStartUtc] ON [ERCOT].[hist_SolarPowerProductionHourlyAveragedActualandForecastedValues] ([IntervalStartUtc])
GO

IF OBJECT_ID(N'ERCOT.hist_WindPowerProductionHourlyAveragedActualandForecastedValues', N'U') IS NULL
CREATE TABLE [ERCOT].[hist_WindPowerProductionHourlyAveragedActualandForecastedValues] (
    [DELIVERY_DATE] date NOT NULL,
    [HOUR_ENDING] smallint NOT NULL,
    [POSTED_DATETIME] datetime2(3) NOT NULL,
    [PostedUtc] datetime2(3) NOT NULL,
    [SYSTEM_WIDE_GEN] float,
    [COP_HSL_SYSTEM_WIDE] float,
    [STWPF_SYSTEM_WIDE] float,
    [WGRPP_SYSTEM_WIDE] float,
    [SYSTEM_WIDE_HSL] float,
    [GEN_PANHANDLE] float,
    [COP_HSL_PANHANDLE] float,
    [STWPF_PANHANDLE] float,
    [WGRPP_PANHANDLE] float,
    [GEN_COASTAL] float,
    [COP_HSL_COASTAL] float,
    [STWPF_COASTAL] float,
    [WGRPP_COASTAL] float,
    [GEN_SOUTH] float,
    [COP_HSL_SOUTH] float,
    [STWPF_SOUTH] float,
    [WGRPP_SOUTH] float,
    [GEN_WEST] float,
    [COP_HSL_WEST] float,
    [STWPF_WEST] float,
    [WGRPP_WEST] float,
    [GEN_NORTH] float,
    [COP_HSL_NORTH] float,
    [STWPF_NORTH] float,
    [WGRPP_NORTH] float,
    [DSTFlag] bit NOT NULL,
    [IntervalStartUtc] datetime2(3) NOT NULL,
    CONSTRAINT [PK_hist_WindPowerProductionHourlyAveragedActualandForecastedValues] PRIMARY KEY CLUSTERED ([DELIVERY_DATE], [HOUR_ENDING], [DSTFlag], [PostedUtc])
)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'IX_hist_WindPowerProductionHourlyAveragedActualandForecastedValues_IntervalStartUtc' AND object_id = OBJECT_ID(N'ERCOT.hist_WindPowerProductionHourlyAveragedActualandForecastedValues'))
CREATE NONCLUSTERED INDEX [IX_hist_WindPowerProductionHourlyAveragedActualandForecastedValues_IntervalStartUtc] ON [ERCOT].[hist_WindPowerProductionHourlyAveragedActualandForecastedValues] ([IntervalStartUtc])
GO

IF OBJECT_ID(N'ERCOT.hist_DAMAncillaryServiceClearingPrices', N'U') IS NULL
CREATE TABLE [ERCOT].[hist_DAMAncillaryServiceClearingPrices] (
    [DeliveryDate] date NOT NULL,
    [HourEnding] smallint NOT NULL,
    [REGDN] float,
    [REGUP] float,
    [RRS] float,
    [NSPIN] float,
    [ECRS] float,
    [DSTFlag] bit NOT NULL,
    [IntervalStartUtc] datetime2(3) NOT NULL,
    CONSTRAINT [PK_hist_DAMAncillaryServiceClearingPrices] PRIMARY KEY CLUSTERED ([DeliveryDate], [HourEnding], [DSTFlag])
)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'IX_hist_DAMAncillaryServiceClearingPrices_IntervalStartUtc' AND object_id = OBJECT_ID(N'ERCOT.hist_DAMAncillaryServiceClearingPrices'))
CREATE NONCLUSTERED INDEX [IX_hist_DAMAncillaryServiceClearingPrices_IntervalStartUtc] ON [ERCOT].[hist_DAMAncillaryServiceClearingPrices] ([IntervalStartUtc])
GO

IF OBJECT_ID(N'ERCOT.hist_HourlySettlementPointPrices', N'U') IS NULL
CREATE TABLE [ERCOT].[hist_HourlySettlementPointPrices] (
    [DeliveryDate] date NOT NULL,
    [HourEnding] smallint NOT NULL,
    [SettlementPoint] varchar(64) NOT NULL,
    [DamSettlementPointPrice] float,
    [RtSettlementPointPrice] float,
    [DSTFlag] bit NOT NULL,
    [IntervalStartUtc] datetime2(3) NOT NULL,
    CONSTRAINT [PK_hist_HourlySettlementPointPrices] PRIMARY KEY CLUSTERED ([DeliveryDate], [HourEnding], [DSTFlag], [SettlementPoint])
)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'IX_hist_HourlySettlementPointPrices_IntervalStartUtc' AND object_id = OBJECT_ID(N'ERCOT.hist_HourlySettlementPointPrices'))
CREATE NONCLUSTERED INDEX [IX_hist_HourlySettlementPointPrices_IntervalStartUtc] ON [ERCOT].[hist_HourlySettlementPointPrices] ([IntervalStartUtc])
GO

