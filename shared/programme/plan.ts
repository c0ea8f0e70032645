/**
 * A programme as plain data: what the demo seed, the benchmark and tests write into a document
 * in one go (`writeProgramme`). Rich text is given as paragraphs of plain text.
 */
export interface IndicatorPlan {
  name: string;
  unit: string;
  baseline: number | null;
  target: number | null;
}

export interface BudgetLinePlan {
  funder: string;
  year: number;
  amountCents: number;
}

export interface SheetPlan {
  id?: string;
  title: string;
  lead: string | null;
  partners: string[];
  goals: string[];
  description: string[];
  expectedResults: string[];
  indicators: IndicatorPlan[];
  startDate: string | null;
  endDate: string | null;
  territories: string[];
  localPlans: string[];
  budget: BudgetLinePlan[];
}

export interface AxisPlan {
  id?: string;
  title: string;
  aim: string;
  sheets: SheetPlan[];
}

export interface ProgrammePlan {
  axes: AxisPlan[];
}
