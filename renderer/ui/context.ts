/** Services reach components through @lit/context, never by import (tests hand in fakes the same way). */
import { createContext } from '@lit/context';
import type { Services } from '../services/services';

export const servicesContext = createContext<Services>(Symbol('warraq-services'));
