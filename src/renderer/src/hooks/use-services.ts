// The app's services in React (src/renderer/hooks): provided once at the root through context, read by any
// component with useServices().
import { createContext, useContext } from 'react';
import type { AppServices } from '../services/app-services';

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (services === null) throw new Error('useServices() needs a ServicesContext provider above it.');
  return services;
}
